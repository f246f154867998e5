<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../hemiapp/ui/checklist_model.py" line="182"/>
        <source>Warning sign</source>
        <translation>Señal de alarma</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist_model.py" line="185"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist_model.py" line="187"/>
        <source>You have a question</source>
        <translation>Tiene una pregunta</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist_model.py" line="189"/>
        <source>Not done yet</source>
        <translation>Todavía no está hecho</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist_model.py" line="191"/>
        <source>A nurse will check this item.</source>
        <translation>El personal de enfermería marcará este punto.</translation>
    </message>
</context>
<context>
    <name>ChecklistScreen</name>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="256"/>
        <source>%1 of %2 done</source>
        <translation>%1 de %2 hechos</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="272"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="273"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
</context>
<context>
    <name>ContentErrorWindow</name>
    <message>
        <location filename="../../hemiapp/ui/content_error.py" line="15"/>
        <source>HemiGuide</source>
        <translation>HemiGuide</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/content_error.py" line="21"/>
        <source>HemiGuide cannot start</source>
        <translation>HemiGuide no puede iniciarse</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/content_error.py" line="26"/>
        <source>The content files have errors. Please ask the front desk. For staff: fix the problems below, then check them with &apos;hemiapp validate&apos;.</source>
        <translation>Los archivos de contenido tienen errores. Por favor, pregunte en la recepción. Para el personal: corrija los problemas de abajo y luego revíselos con &apos;hemiapp validate&apos;.</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/content_error.py" line="33"/>
        <source>Problems found in the content</source>
        <translation>Problemas encontrados en el contenido</translation>
    </message>
</context>
<context>
    <name>DatePicker</name>
    <message>
        <location filename="../../hemiapp/ui/datepicker.py" line="91"/>
        <source>Previous month</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/datepicker.py" line="92"/>
        <source>Next month</source>
        <translation>Mes siguiente</translation>
    </message>
</context>
<context>
    <name>EducationScreen</name>
    <message>
        <location filename="../../hemiapp/ui/education.py" line="181"/>
        <source>Step %1: %2</source>
        <translation>Paso %1: %2</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/education.py" line="186"/>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/education.py" line="191"/>
        <location filename="../../hemiapp/ui/education.py" line="194"/>
        <source>Key points</source>
        <translation>Puntos clave</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/education.py" line="197"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/education.py" line="199"/>
        <source>Go to the quiz</source>
        <translation>Ir a las preguntas</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/education.py" line="199"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="75"/>
        <source>Warning sign</source>
        <translation>Señal de alarma</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="121"/>
        <source>Hide why</source>
        <translation>Ocultar explicación</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="121"/>
        <source>Hide why: %1</source>
        <translation>Ocultar explicación: %1</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="123"/>
        <source>Why?</source>
        <translation>¿Por qué?</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="123"/>
        <source>Why? %1</source>
        <translation>¿Por qué? %1</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="143"/>
        <source>I understand</source>
        <translation>Entiendo</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="143"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="144"/>
        <source>I have a question</source>
        <translation>Tengo una pregunta</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="155"/>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="156"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="160"/>
        <source>✓ A nurse checked this item.</source>
        <translation>✓ El personal de enfermería marcó este punto.</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/checklist.py" line="162"/>
        <source>A nurse will check this item.</source>
        <translation>El personal de enfermería marcará este punto.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hemiapp/ui/main_window.py" line="135"/>
        <source>HemiGuide</source>
        <extracomment>&quot;Print my checklist&quot; was pressed (printing is wired by the composition root).</extracomment>
        <translation>HemiGuide</translation>
    </message>
</context>
<context>
    <name>QuizScreen</name>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="221"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="226"/>
        <source>Continue to my checklists</source>
        <translation>Ir a mis listas</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="235"/>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="239"/>
        <source>Tap the answer you think is right.</source>
        <translation>Toque la respuesta que crea correcta.</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="252"/>
        <source>✓ %1 (your answer)</source>
        <translation>✓ %1 (su respuesta)</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="254"/>
        <source>✓ %1 (right answer)</source>
        <translation>✓ %1 (respuesta correcta)</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="257"/>
        <source>✗ %1 (your answer)</source>
        <translation>✗ %1 (su respuesta)</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="267"/>
        <source>That&apos;s right!</source>
        <translation>¡Correcto!</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="269"/>
        <source>Not quite.</source>
        <translation>No exactamente.</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="270"/>
        <source>The right answer is: %1</source>
        <translation>La respuesta correcta es: %1</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="274"/>
        <source>See my results</source>
        <translation>Ver mis resultados</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="274"/>
        <source>Next question</source>
        <translation>Siguiente pregunta</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="280"/>
        <source>You got %1 of %2 right.</source>
        <translation>Respondió bien %1 de %2 preguntas.</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="288"/>
        <source>There are no questions.</source>
        <translation>No hay preguntas.</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="290"/>
        <source>Let&apos;s look at these again:</source>
        <translation>Repasemos estas preguntas:</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="292"/>
        <source>Well done! You got every answer right.</source>
        <translation>¡Muy bien! Respondió bien todas las preguntas.</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="306"/>
        <source>✗ Your answer: %1</source>
        <translation>✗ Su respuesta: %1</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/quiz.py" line="309"/>
        <source>✓ The right answer is: %1</source>
        <translation>✓ La respuesta correcta es: %1</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="70"/>
        <source>Your review</source>
        <translation>Su resumen</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="71"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="72"/>
        <source>Print my checklist</source>
        <translation>Imprimir mi lista</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="73"/>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="76"/>
        <source>Quiz: you got %1 of %2 right.</source>
        <translation>Preguntas: respondió bien %1 de %2.</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="79"/>
        <source>Quiz: not answered yet.</source>
        <translation>Preguntas: todavía sin responder.</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="104"/>
        <source>%1 of %2 done</source>
        <translation>%1 de %2 hechos</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="112"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="113"/>
        <source>Still to do</source>
        <translation>Por hacer</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="114"/>
        <source>Your questions for the care team</source>
        <translation>Sus preguntas para el equipo de atención médica</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="122"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="130"/>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/review.py" line="138"/>
        <source>Warning sign: %1</source>
        <translation>Señal de alarma: %1</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../hemiapp/ui/widgets.py" line="138"/>
        <source>HemiGuide</source>
        <translation>HemiGuide</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/widgets.py" line="139"/>
        <source>Normal text</source>
        <translation>Texto normal</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/widgets.py" line="139"/>
        <source>Large text</source>
        <translation>Texto grande</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/widgets.py" line="139"/>
        <source>Extra large text</source>
        <translation>Texto muy grande</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/widgets.py" line="143"/>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../../hemiapp/ui/welcome.py" line="89"/>
        <source>Welcome</source>
        <translation>Bienvenidos</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/welcome.py" line="93"/>
        <source>Learn about your hemilaminotomy, step by step. Then get ready for surgery with your own checklist.</source>
        <translation>Aprenda sobre su hemilaminotomía paso a paso. Luego prepárese con su propia lista.</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/welcome.py" line="97"/>
        <source>Choose your language</source>
        <translation>Elija su idioma</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/welcome.py" line="100"/>
        <source>When is your surgery? (you can skip this)</source>
        <translation>¿Cuándo es su cirugía? (opcional)</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/welcome.py" line="103"/>
        <source>No date chosen. Tap a day on the calendar.</source>
        <translation>No ha elegido una fecha. Toque un día en el calendario.</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/welcome.py" line="107"/>
        <source>Surgery date: %1</source>
        <translation>Su cirugía: %1</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/welcome.py" line="110"/>
        <source>Clear date</source>
        <translation>Borrar fecha</translation>
    </message>
    <message>
        <location filename="../../hemiapp/ui/welcome.py" line="111"/>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
</context>
</TS>
