<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
    <context>
        <name>ChangedElsewhereNotice</name>
        <message>
            <location filename="../../hemiapp/ui/elsewhere.py" line="58" />
            <source>This was just changed at another station.</source>
            <translation>Esto se acaba de cambiar en otra estación.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/elsewhere.py" line="61" />
            <source>The screen now shows what is saved.</source>
            <translation>La pantalla muestra ahora lo que está guardado.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/elsewhere.py" line="62" />
            <source>OK</source>
            <translation>Aceptar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/elsewhere.py" line="62" />
            <source>Close this message</source>
            <translation>Cerrar este mensaje</translation>
        </message>
    </context>
    <context>
        <name>ChecklistModel</name>
        <message>
            <location filename="../../hemiapp/ui/checklist_model.py" line="309" />
            <source>Warning sign</source>
            <translation>Señal de alarma</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist_model.py" line="311" />
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist_model.py" line="315" />
            <source>You have a question</source>
            <translation>Tiene una pregunta</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist_model.py" line="313" />
            <source>Not done yet</source>
            <translation>Todavía no está hecho</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist_model.py" line="299" />
            <source>Emergency. Call 911 now: %1</source>
            <extracomment>What a change of an item (its status, question flag or note) can change in its row. A change could not be saved (the message says why); nothing was changed. A change was refused: another station had changed the item (or the sign-off) first. Nothing was changed; the window shows what is saved now. The session's date, language, sign-offs or actor changed: whatever shows them beside the rows (a screen's header) follows this.</extracomment>
            <translation>Emergencia. Llame al 911 ahora: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist_model.py" line="306" />
            <source>This date has passed. Ask your care team.</source>
            <translation>Esta fecha ya pasó. Pregunte a su equipo médico.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist_model.py" line="317" />
            <source>A nurse will check this item.</source>
            <translation>El personal de enfermería marcará este punto.</translation>
        </message>
    </context>
    <context>
        <name>ChecklistScreen</name>
        <message>
            <location filename="../../hemiapp/ui/checklist.py" line="188" />
            <source>Show more (%1 left)</source>
            <translation>Mostrar más (quedan %1)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist.py" line="213" />
            <source>%1 of %2 done</source>
            <translation>%1 de %2 hechos</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist.py" line="227" />
            <source>✓ Signed by %1 (%2) on %3</source>
            <translation>✓ Firmada por %1 (%2) el %3</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist.py" line="230" />
            <source>Changed after it was signed off: it needs a new sign-off.</source>
            <translation>Se cambió después de firmarse: necesita una nueva firma.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist.py" line="238" />
            <source>Sign off this checklist</source>
            <translation>Firmar esta lista</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist.py" line="268" />
            <source>No surgery date yet: the dates are not shown.</source>
            <translation>Todavía no hay fecha de cirugía: no se muestran las fechas.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist.py" line="269" />
            <source>Set the date</source>
            <translation>Poner la fecha</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist.py" line="272" />
            <source>Surgery date: %1</source>
            <translation>Fecha de la cirugía: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist.py" line="273" />
            <source>Change date</source>
            <translation>Cambiar la fecha</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist.py" line="274" />
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/checklist.py" line="275" />
            <source>Next</source>
            <translation>Siguiente</translation>
        </message>
    </context>
    <context>
        <name>ClosingPage</name>
        <message>
            <location filename="../../hemiapp/ui/closing.py" line="108" />
            <source>Thank you</source>
            <extracomment>Time is up, or the screen was tapped.</extracomment>
            <translation>Gracias</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/closing.py" line="109" />
            <source>Your checklist is printed. Please take your pages.</source>
            <translation>Su lista está impresa. Tome sus hojas, por favor.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/closing.py" line="112" />
            <source>Please see the front desk if you have questions.</source>
            <translation>Si tiene preguntas, hable con la recepción.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/closing.py" line="114" />
            <source>Please see the front desk. They can print your checklist.</source>
            <translation>Hable con la recepción, por favor. Allí pueden imprimir su lista.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../hemiapp/ui/closing.py" line="118" />
            <source>This screen starts again in %n seconds.</source>
            <translation>
                <numerusform>Esta pantalla vuelve a empezar en %n segundo.</numerusform>
                <numerusform>Esta pantalla vuelve a empezar en %n segundos.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/closing.py" line="120" />
            <source>Start again</source>
            <translation>Empezar de nuevo</translation>
        </message>
    </context>
    <context>
        <name>ContentErrorWindow</name>
        <message>
            <location filename="../../hemiapp/ui/content_error.py" line="21" />
            <source>HemiGuide</source>
            <translation>HemiGuide</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/content_error.py" line="27" />
            <source>HemiGuide cannot start</source>
            <translation>HemiGuide no puede iniciarse</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/content_error.py" line="31" />
            <source>The settings file %1 has errors. Please ask the front desk. For staff: fix the problems below, then check the file with 'hemiapp validate --config %1'.</source>
            <translation>El archivo de configuración %1 tiene errores. Por favor, pregunte en la recepción. Para el personal: corrija los problemas de abajo y luego revise el archivo con 'hemiapp validate --config %1'.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/content_error.py" line="35" />
            <source>Problems found in the settings file</source>
            <translation>Problemas encontrados en el archivo de configuración</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/content_error.py" line="38" />
            <source>The content files have errors. Please ask the front desk. For staff: fix the problems below, then check them with 'hemiapp validate'.</source>
            <translation>Los archivos de contenido tienen errores. Por favor, pregunte en la recepción. Para el personal: corrija los problemas de abajo y luego revíselos con 'hemiapp validate'.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/content_error.py" line="42" />
            <source>Problems found in the content</source>
            <translation>Problemas encontrados en el contenido</translation>
        </message>
    </context>
    <context>
        <name>CrashPage</name>
        <message>
            <location filename="../../hemiapp/ui/crash.py" line="34" />
            <source>Something went wrong</source>
            <translation>Algo salió mal</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/crash.py" line="35" />
            <source>Please ask the front desk for help.</source>
            <translation>Por favor, pida ayuda en la recepción.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/crash.py" line="36" />
            <source>Back to the start</source>
            <translation>Volver al inicio</translation>
        </message>
    </context>
    <context>
        <name>DatePicker</name>
        <message>
            <location filename="../../hemiapp/ui/datepicker.py" line="93" />
            <source>Previous month</source>
            <translation>Mes anterior</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/datepicker.py" line="94" />
            <source>Next month</source>
            <translation>Mes siguiente</translation>
        </message>
    </context>
    <context>
        <name>EducationScreen</name>
        <message>
            <location filename="../../hemiapp/ui/education.py" line="220" />
            <source>Step %1: %2</source>
            <translation>Paso %1: %2</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/education.py" line="130" />
            <location filename="../../hemiapp/ui/education.py" line="225" />
            <source>Step %1 of %2</source>
            <translation>Paso %1 de %2</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/education.py" line="230" />
            <location filename="../../hemiapp/ui/education.py" line="233" />
            <source>Key points</source>
            <translation>Puntos clave</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/education.py" line="241" />
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/education.py" line="243" />
            <source>Go to the quiz</source>
            <translation>Ir a las preguntas</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/education.py" line="243" />
            <source>Next</source>
            <translation>Siguiente</translation>
        </message>
    </context>
    <context>
        <name>EmergencyBox</name>
        <message>
            <location filename="../../hemiapp/ui/emergency.py" line="75" />
            <source>Call 911 now</source>
            <translation>Llame al 911 ahora</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/emergency.py" line="81" />
            <source>Emergency. Call 911 now</source>
            <translation>Emergencia. Llame al 911 ahora</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/emergency.py" line="86" />
            <source>Emergency. Call 911 now: %1</source>
            <translation>Emergencia. Llame al 911 ahora: %1</translation>
        </message>
    </context>
    <context>
        <name>FindSection</name>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="108" />
            <source>month/day/year</source>
            <translation>mes/día/año</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="109" />
            <source>year-month-day</source>
            <translation>año-mes-día</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="109" />
            <source>day/month/year</source>
            <translation>día/mes/año</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="113" />
            <source>Name, date of birth (%1) or MRN</source>
            <translation>Nombre, fecha de nacimiento (%1) o n.º de historia clínica</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="114" />
            <source>Search for a patient</source>
            <translation>Buscar un paciente</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="115" />
            <source>Search</source>
            <translation>Buscar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="118" />
            <source>Type a name, a date of birth or an MRN, then tap Search.</source>
            <translation>Escriba un nombre, una fecha de nacimiento o un n.º de historia clínica y toque Buscar.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="120" />
            <source>No patient found. Check the spelling, or start a new session.</source>
            <translation>No se encontró ningún paciente. Revise cómo se escribe o inicie una sesión nueva.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="122" />
            <source>Showing the first %1 of %2. Type more to narrow the search.</source>
            <translation>Se muestran los primeros %1 de %2. Escriba más para acotar la búsqueda.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="125" />
            <source>Found: %1</source>
            <translation>Encontrados: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="130" />
            <source>Resume</source>
            <translation>Continuar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="130" />
            <source>Resume: %1</source>
            <translation>Continuar: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="133" />
            <source>Born %1</source>
            <translation>Nacimiento: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="135" />
            <source>MRN %1</source>
            <translation>N.º de historia clínica: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="138" />
            <source>Surgery %1</source>
            <translation>Cirugía: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/find.py" line="140" />
            <source>No surgery date</source>
            <translation>Sin fecha de cirugía</translation>
        </message>
    </context>
    <context>
        <name>FinishConfirm</name>
        <message>
            <location filename="../../hemiapp/ui/closing.py" line="67" />
            <source>Are you finished?</source>
            <extracomment>The patient answered: True for Yes.</extracomment>
            <translation>¿Ha terminado?</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/closing.py" line="70" />
            <source>When you finish, your answers are cleared from this screen.</source>
            <translation>Cuando termine, sus respuestas se borrarán de esta pantalla.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/closing.py" line="72" />
            <source>No, go back</source>
            <translation>No, volver</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/closing.py" line="73" />
            <source>Yes, I am finished</source>
            <translation>Sí, he terminado</translation>
        </message>
    </context>
    <context>
        <name>ItemCard</name>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="38" />
            <source>Warning sign</source>
            <translation>Señal de alarma</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="99" />
            <source>Hide why</source>
            <translation>Ocultar explicación</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="99" />
            <source>Hide why: %1</source>
            <translation>Ocultar explicación: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="101" />
            <source>Why?</source>
            <translation>¿Por qué?</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="101" />
            <source>Why? %1</source>
            <translation>¿Por qué? %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="116" />
            <source>This date has passed. Ask your care team.</source>
            <translation>Esta fecha ya pasó. Pregunte a su equipo médico.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="124" />
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="125" />
            <source>I have a question</source>
            <translation>Tengo una pregunta</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="136" />
            <source>✓ %1</source>
            <translation>✓ %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="137" />
            <location filename="../../hemiapp/ui/item_card.py" line="162" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="141" />
            <source>✓ A nurse checked this item.</source>
            <translation>✓ El personal de enfermería marcó este punto.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="143" />
            <source>A nurse will check this item.</source>
            <translation>El personal de enfermería marcará este punto.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="159" />
            <source>Note: %1</source>
            <translation>Nota: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="161" />
            <source>Edit note</source>
            <translation>Editar nota</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/item_card.py" line="161" />
            <source>Add note</source>
            <translation>Agregar nota</translation>
        </message>
    </context>
    <context>
        <name>Keypad</name>
        <message>
            <location filename="../../hemiapp/ui/staff/keypad.py" line="86" />
            <location filename="../../hemiapp/ui/staff/keypad.py" line="87" />
            <source>Delete</source>
            <translation>Borrar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/keypad.py" line="88" />
            <source>Clear</source>
            <translation>Borrar todo</translation>
        </message>
    </context>
    <context>
        <name>KioskLock</name>
        <message>
            <location filename="../../hemiapp/kiosk/lockdown.py" line="192" />
            <source>Quit HemiGuide?</source>
            <translation>¿Cerrar HemiGuide?</translation>
        </message>
        <message>
            <location filename="../../hemiapp/kiosk/lockdown.py" line="195" />
            <source>Everything saved stays saved. Under the kiosk service, HemiGuide starts again by itself; otherwise the station shows nothing until it is started.</source>
            <translation>Todo lo guardado sigue guardado. Con el servicio del quiosco, HemiGuide vuelve a abrirse solo; si no, la estación no muestra nada hasta que se abra de nuevo.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/kiosk/lockdown.py" line="201" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/kiosk/lockdown.py" line="335" />
            <source>Leave kiosk mode</source>
            <translation>Salir del modo quiosco</translation>
        </message>
        <message>
            <location filename="../../hemiapp/kiosk/lockdown.py" line="338" />
            <source>This kiosk</source>
            <translation>Este quiosco</translation>
        </message>
        <message>
            <location filename="../../hemiapp/kiosk/lockdown.py" line="341" />
            <source>Leave kiosk mode to use this station as an ordinary window until you sign out; then it locks again. Quit HemiGuide asks first.</source>
            <translation>Salga del modo quiosco para usar esta estación como una ventana normal hasta que cierre sesión; después se vuelve a bloquear. Cerrar HemiGuide pide confirmación.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/kiosk/lockdown.py" line="346" />
            <source>This station locks again when you sign out. Quit HemiGuide asks first.</source>
            <translation>Esta estación se vuelve a bloquear cuando cierre sesión. Cerrar HemiGuide pide confirmación.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/kiosk/lockdown.py" line="191" />
            <location filename="../../hemiapp/kiosk/lockdown.py" line="199" />
            <location filename="../../hemiapp/kiosk/lockdown.py" line="336" />
            <source>Quit HemiGuide</source>
            <translation>Cerrar HemiGuide</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../hemiapp/ui/main_window.py" line="437" />
            <source>HemiGuide</source>
            <extracomment>"Print my checklist" was pressed (printing is wired by the composition root). Another session is on the screens (a new visit, or one a nurse started or resumed). The visit ended (Finish, or the idle wipe): before the next one is shown. The window's palette changed: high contrast (True) or not. The window's words were put in the visit's language again. The review's "Print preview" and "Save as PDF" (staff), whenever the review is made. A checklist screen's "Add note" (the screen, the item's row) and "Sign off" (the screen), whenever the checklist screens are made. Set by the composition root once a printer path is wired to print_requested. This visit's checklist came out of the printer (the closing screen says so). The visit on screen: the session, who acts, language, text size and contrast (Qt-free; the window follows its events). What the controllers get instead of the window (their pages go on the stack).</extracomment>
            <translation>HemiGuide</translation>
        </message>
    </context>
    <context>
        <name>MaintenancePage</name>
        <message>
            <location filename="../../hemiapp/ui/maintenance.py" line="84" />
            <source>This station needs attention</source>
            <extracomment>A retry that returns None worked; else it gives the problem's (new) message. Time to try again (the timer ran out, or "Try again" was pressed).</extracomment>
            <translation>Este equipo necesita atención</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/maintenance.py" line="87" />
            <source>HemiGuide cannot start right now. Please ask the front desk for help.</source>
            <translation>HemiGuide no puede iniciarse en este momento. Por favor, pida ayuda en la recepción.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/maintenance.py" line="91" />
            <source>Your answers so far are saved, but nothing more can be saved right now. Please ask the front desk for help.</source>
            <translation>Sus respuestas hasta ahora están guardadas, pero en este momento no se puede guardar nada más. Por favor, pida ayuda en la recepción.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/maintenance.py" line="95" />
            <source>Try again</source>
            <translation>Intentar de nuevo</translation>
        </message>
        <message numerus="yes">
            <location filename="../../hemiapp/ui/maintenance.py" line="97" />
            <source>It will try again by itself in %n seconds.</source>
            <translation>
                <numerusform>Lo intentará de nuevo automáticamente en %n segundo.</numerusform>
                <numerusform>Lo intentará de nuevo automáticamente en %n segundos.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/maintenance.py" line="98" />
            <source>For staff: %1</source>
            <translation>Para el personal: %1</translation>
        </message>
    </context>
    <context>
        <name>MaintenanceWindow</name>
        <message>
            <location filename="../../hemiapp/ui/maintenance.py" line="112" />
            <source>HemiGuide</source>
            <translation>HemiGuide</translation>
        </message>
    </context>
    <context>
        <name>MoreBelow</name>
        <message>
            <location filename="../../hemiapp/ui/morebelow.py" line="35" />
            <source>▼ More below</source>
            <translation>▼ Más abajo</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/morebelow.py" line="35" />
            <source>Show more of this page</source>
            <translation>Mostrar más de esta página</translation>
        </message>
    </context>
    <context>
        <name>NewSessionForm</name>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="214" />
            <source>Enter the date of birth: day, month and year.</source>
            <translation>Escriba la fecha de nacimiento: día, mes y año.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="218" />
            <source>That date of birth does not exist. Check the day and month.</source>
            <translation>Esa fecha de nacimiento no existe. Revise el día y el mes.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="220" />
            <source>The date of birth must be between 1900 and today.</source>
            <translation>La fecha de nacimiento debe estar entre 1900 y hoy.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="229" />
            <source>Enter the surgery date as day, month and year, or leave it empty.</source>
            <translation>Escriba la fecha de la cirugía con día, mes y año, o déjela vacía.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="234" />
            <source>That surgery date does not exist. Check the day and month.</source>
            <translation>Esa fecha de cirugía no existe. Revise el día y el mes.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="237" />
            <source>Check the surgery date: it must be within a year before or two years after today.</source>
            <translation>Revise la fecha de la cirugía: debe estar entre un año antes y dos años después de hoy.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="245" />
            <source>Enter the patient's name.</source>
            <translation>Escriba el nombre del paciente.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="259" />
            <source>What the patient has done so far in this session is kept.</source>
            <translation>Se conserva lo que el paciente ya hizo en esta sesión.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="261" />
            <source>This starts a new, empty session.</source>
            <translation>Esto inicia una sesión nueva y vacía.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="263" />
            <source>Patient's name (required)</source>
            <translation>Nombre del paciente (obligatorio)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="264" />
            <source>Patient's name</source>
            <translation>Nombre del paciente</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="265" />
            <source>Day</source>
            <translation>Día</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="265" />
            <source>Month</source>
            <translation>Mes</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="265" />
            <source>Year</source>
            <translation>Año</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="266" />
            <source>Date of birth (required)</source>
            <translation>Fecha de nacimiento (obligatoria)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="267" />
            <source>Date of birth: %1</source>
            <translation>Fecha de nacimiento: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="269" />
            <source>The patient's language</source>
            <translation>Idioma del paciente</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="270" />
            <source>Surgery date (optional)</source>
            <translation>Fecha de la cirugía (opcional)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="271" />
            <source>Surgery date: %1</source>
            <translation>Fecha de la cirugía: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="273" />
            <source>Medical record number (MRN, optional)</source>
            <translation>Número de historia clínica (MRN, opcional)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="274" />
            <source>Medical record number</source>
            <translation>Número de historia clínica</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="275" />
            <source>Surgeon (optional)</source>
            <translation>Cirujano/a (opcional)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="276" />
            <source>Surgeon</source>
            <translation>Cirujano/a</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/newsession.py" line="277" />
            <source>Start the session</source>
            <translation>Iniciar la sesión</translation>
        </message>
    </context>
    <context>
        <name>NoteEditor</name>
        <message numerus="yes">
            <location filename="../../hemiapp/ui/staff/notes.py" line="84" />
            <source>%1 of %n characters</source>
            <translation>
                <numerusform>%1 de %n carácter</numerusform>
                <numerusform>%1 de %n caracteres</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/notes.py" line="94" />
            <source>Note on this item</source>
            <translation>Nota sobre este punto</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/notes.py" line="95" />
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/notes.py" line="97" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/notes.py" line="98" />
            <source>Save note</source>
            <translation>Guardar nota</translation>
        </message>
    </context>
    <context>
        <name>PastDateQuestion</name>
        <message>
            <location filename="../../hemiapp/ui/surgerydate.py" line="91" />
            <source>Has your surgery already happened?</source>
            <translation>¿Ya tuvo su cirugía?</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/surgerydate.py" line="95" />
            <source>You chose %1. That day is before today.</source>
            <translation>Eligió el %1. Ese día ya pasó.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/surgerydate.py" line="99" />
            <source>No, choose again</source>
            <translation>No, elegir otra vez</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/surgerydate.py" line="100" />
            <source>Yes, it has</source>
            <translation>Sí, ya la tuve</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <location filename="../../hemiapp/ui/preview.py" line="92" />
            <source>Print preview</source>
            <extracomment>Qt's print dialog, under the app's large-text stylesheet: less padding on its buttons.</extracomment>
            <translation>Vista previa de impresión</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/preview.py" line="93" />
            <source>Print…</source>
            <translation>Imprimir…</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/preview.py" line="94" />
            <source>Previous page</source>
            <translation>Página anterior</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/preview.py" line="95" />
            <source>Next page</source>
            <translation>Página siguiente</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/preview.py" line="96" />
            <source>Smaller</source>
            <translation>Más pequeño</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/preview.py" line="97" />
            <source>Larger</source>
            <translation>Más grande</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/preview.py" line="98" />
            <source>Fit to width</source>
            <translation>Ajustar al ancho</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/preview.py" line="99" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/preview.py" line="117" />
            <source>Page %1 of %2</source>
            <translation>Página %1 de %2</translation>
        </message>
    </context>
    <context>
        <name>PrintController</name>
        <message>
            <location filename="../../hemiapp/ui/printing.py" line="176" />
            <source>Save as PDF</source>
            <extracomment>Qt's file dialog, under the app's large-text stylesheet, cut its small tool buttons. How a print is going (a hemiapp.ui.print_status.PrintState), for the review.</extracomment>
            <translation>Guardar como PDF</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/printing.py" line="178" />
            <source>PDF files (*.pdf)</source>
            <translation>Archivos PDF (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>PrintStatus</name>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="82" />
            <source>Printing…</source>
            <translation>Imprimiendo…</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="85" />
            <source>Saved as PDF: %1</source>
            <translation>Guardado como PDF: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="86" />
            <source>Printed. Please collect your pages.</source>
            <translation>Listo. Por favor, recoja sus hojas.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="88" />
            <source>No printer is set up. Please ask the front desk.</source>
            <translation>No hay ninguna impresora preparada. Por favor, pregunte en la recepción.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="91" />
            <source>Not printed. This station cannot save right now. Please ask the front desk.</source>
            <translation>No se imprimió. Este equipo no puede guardar ahora. Por favor, pregunte en la recepción.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="94" />
            <source>The PDF was not saved.</source>
            <translation>El PDF no se guardó.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="95" />
            <source>Printer problem. Please ask the front desk.</source>
            <translation>Problema con la impresora. Por favor, pregunte en la recepción.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="103" />
            <source>This computer has no default printer. Set one up, or name one in the settings file.</source>
            <translation>Este equipo no tiene una impresora predeterminada. Configure una o indíquela en el archivo de configuración.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="107" />
            <source>This computer has no printer named “%1”.</source>
            <translation>Este equipo no tiene ninguna impresora llamada «%1».</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="109" />
            <source>The printer did not take the job. Check that it is on and ready.</source>
            <translation>La impresora no aceptó el trabajo. Compruebe que esté encendida y lista.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="112" />
            <source>The file %1 could not be written. Check the folder and the free space.</source>
            <translation>No se pudo escribir el archivo %1. Compruebe la carpeta y el espacio libre.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="116" />
            <source>The audit log could not record the print, so nothing was printed. The log has the details.</source>
            <translation>El registro de auditoría no pudo anotar la impresión, así que no se imprimió nada. El registro de la aplicación tiene los detalles.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/print_status.py" line="119" />
            <source>Something went wrong while printing. The log has the details.</source>
            <translation>Algo salió mal al imprimir. El registro de la aplicación tiene los detalles.</translation>
        </message>
    </context>
    <context>
        <name>Printout</name>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="22" />
            <source>Your surgery checklist</source>
            <extracomment>key → English text (the translation source); "Not done" of teach-back has a context of its own, as its Spanish differs from an item's "Not done".</extracomment>
            <translation>Su lista para la cirugía</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="23" />
            <location filename="../../hemiapp/report/labels.py" line="46" />
            <source>Patient</source>
            <translation>Paciente</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="24" />
            <source>Date of birth</source>
            <translation>Fecha de nacimiento</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="25" />
            <source>Surgery date</source>
            <translation>Fecha de la cirugía</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="26" />
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="27" />
            <source>Medical record number</source>
            <translation>Número de historia clínica</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="28" />
            <source>Surgeon</source>
            <translation>Cirujano/a</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="29" />
            <source>How to read this list:</source>
            <translation>Cómo leer esta lista:</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="30" />
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="31" />
            <source>Not done</source>
            <translation>Pendiente</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="32" />
            <source>Question</source>
            <translation>Pregunta</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="33" />
            <source>patient</source>
            <translation>paciente</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="34" />
            <source>Note:</source>
            <translation>Nota:</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="35" />
            <source>A nurse checks this item.</source>
            <translation>El personal de enfermería revisa este punto.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="36" />
            <source>Call your care team right away if…</source>
            <translation>Llame de inmediato a su equipo médico si…</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="37" />
            <source>Call 911 now</source>
            <translation>Llame al 911 ahora</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="38" />
            <source>Sign-off</source>
            <translation>Firma</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="39" />
            <source>Signed off by</source>
            <translation>Firmada por</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="40" />
            <source>Time</source>
            <translation>Hora</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="41" />
            <source>Method</source>
            <translation>Método</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="42" />
            <source>Statement</source>
            <translation>Declaración</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="43" />
            <source>This list was changed after it was signed off: it needs a new sign-off.</source>
            <translation>Esta lista cambió después de firmarse: necesita una nueva firma.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="47" />
            <source>Nurse</source>
            <translation>Enfermera/o</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="48" />
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="49" />
            <source>About this printout</source>
            <translation>Sobre esta copia impresa</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="50" />
            <source>Content version</source>
            <translation>Versión del contenido</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="51" />
            <source>Audit log</source>
            <translation>Registro de auditoría</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="52" />
            <source>Education</source>
            <translation>Educación</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="53" />
            <source>Checklist</source>
            <translation>Lista</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="54" />
            <source>{title} — version {version} ({status})</source>
            <translation>{title} — versión {version} ({status})</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="55" />
            <source>draft</source>
            <translation>borrador</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="56" />
            <source>in review</source>
            <translation>en revisión</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="57" />
            <source>approved</source>
            <translation>aprobada</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="58" />
            <source>Printed</source>
            <translation>Impreso</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="59" />
            <source>Page {page} of {pages}</source>
            <translation>Página {page} de {pages}</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="60" />
            <source>Teach-back (the patient explained it back):</source>
            <translation>Comprensión verificada (lo explicó con sus propias palabras):</translation>
        </message>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="61" />
            <source>Done by {who}</source>
            <translation>Hecha por {who}</translation>
        </message>
    </context>
    <context>
        <name>Printout teach-back</name>
        <message>
            <location filename="../../hemiapp/report/labels.py" line="62" />
            <source>Not done</source>
            <translation>No hecha</translation>
        </message>
    </context>
    <context>
        <name>QuizScreen</name>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="287" />
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="293" />
            <source>Continue to my checklists</source>
            <translation>Ir a mis listas</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="303" />
            <source>Question %1 of %2</source>
            <translation>Pregunta %1 de %2</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="307" />
            <source>Tap the answer you think is right.</source>
            <translation>Toque la respuesta que crea correcta.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="318" />
            <source>✓ %1 (your answer)</source>
            <translation>✓ %1 (su respuesta)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="319" />
            <source>✓ %1 (right answer)</source>
            <translation>✓ %1 (respuesta correcta)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="320" />
            <source>✗ %1 (your answer)</source>
            <translation>✗ %1 (su respuesta)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="337" />
            <source>That's right!</source>
            <translation>¡Correcto!</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="339" />
            <source>Not quite.</source>
            <translation>No exactamente.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="340" />
            <source>The right answer is: %1</source>
            <translation>La respuesta correcta es: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="344" />
            <source>See my results</source>
            <translation>Ver mis resultados</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="344" />
            <source>Next question</source>
            <translation>Siguiente pregunta</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="350" />
            <source>You got %1 of %2 right.</source>
            <translation>Respondió bien %1 de %2 preguntas.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="355" />
            <source>There are no questions.</source>
            <translation>No hay preguntas.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="357" />
            <source>Let's look at these again:</source>
            <translation>Repasemos estas preguntas:</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="359" />
            <source>Well done! You got every answer right.</source>
            <translation>¡Muy bien! Respondió bien todas las preguntas.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="373" />
            <source>✗ Your answer: %1</source>
            <translation>✗ Su respuesta: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/quiz.py" line="376" />
            <source>✓ The right answer is: %1</source>
            <translation>✓ La respuesta correcta es: %1</translation>
        </message>
    </context>
    <context>
        <name>ReviewScreen</name>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="121" />
            <source>Your review</source>
            <translation>Su resumen</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="122" />
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="123" />
            <source>Print my checklist</source>
            <translation>Imprimir mi lista</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="124" />
            <source>Print preview…</source>
            <translation>Vista previa…</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="125" />
            <source>Save as PDF…</source>
            <translation>Guardar como PDF…</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="129" />
            <source>Finish</source>
            <translation>Terminar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="133" />
            <source>Quiz: you got %1 of %2 right.</source>
            <translation>Preguntas: respondió bien %1 de %2.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="136" />
            <source>Quiz: not answered yet.</source>
            <translation>Preguntas: todavía sin responder.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="162" />
            <source>%1 of %2 done</source>
            <translation>%1 de %2 hechos</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="184" />
            <source>Done</source>
            <translation>Hecho</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="185" />
            <source>Still to do</source>
            <translation>Por hacer</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="186" />
            <source>Your questions for the care team</source>
            <translation>Sus preguntas para su equipo médico</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="191" />
            <source>Warning signs to watch for</source>
            <translation>Señales de alarma que debe vigilar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="201" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="209" />
            <source>None</source>
            <translation>Ninguno</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="217" />
            <source>Warning sign: %1</source>
            <translation>Señal de alarma: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/review.py" line="257" />
            <source>This date has passed. Ask your care team.</source>
            <translation>Esta fecha ya pasó. Pregunte a su equipo médico.</translation>
        </message>
    </context>
    <context>
        <name>SignInPanel</name>
        <message>
            <location filename="../../hemiapp/ui/staff/signin.py" line="46" />
            <source>This staff account is turned off. Please ask an administrator.</source>
            <translation>Esta cuenta del personal está desactivada. Por favor, consulte a un administrador.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signin.py" line="49" />
            <source>The staff ID or PIN is not right. Please try again.</source>
            <translation>El ID del personal o el PIN no es correcto. Inténtelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signin.py" line="125" />
            <source>Enter your staff ID and your PIN.</source>
            <translation>Escriba su ID del personal y su PIN.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signin.py" line="145" />
            <source>Staff sign-in</source>
            <translation>Acceso del personal</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signin.py" line="146" />
            <source>For clinic staff only. Patients: tap Cancel to go back.</source>
            <translation>Solo para el personal de la clínica. Si usted es paciente, toque Cancelar para volver.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signin.py" line="147" />
            <location filename="../../hemiapp/ui/staff/signin.py" line="148" />
            <source>Staff ID</source>
            <translation>ID del personal</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signin.py" line="149" />
            <location filename="../../hemiapp/ui/staff/signin.py" line="150" />
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signin.py" line="151" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signin.py" line="152" />
            <source>Sign in</source>
            <translation>Entrar</translation>
        </message>
    </context>
    <context>
        <name>SignInWait</name>
        <message numerus="yes">
            <location filename="../../hemiapp/ui/staff/signin.py" line="36" />
            <source>Too many tries. Try again in %n minutes.</source>
            <translation>
                <numerusform>Demasiados intentos. Vuelva a intentarlo en %n minuto.</numerusform>
                <numerusform>Demasiados intentos. Vuelva a intentarlo en %n minutos.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../hemiapp/ui/staff/signin.py" line="37" />
            <source>Too many tries. Try again in %n seconds.</source>
            <translation>
                <numerusform>Demasiados intentos. Vuelva a intentarlo en %n segundo.</numerusform>
                <numerusform>Demasiados intentos. Vuelva a intentarlo en %n segundos.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SignOffPanel</name>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="146" />
            <source>Enter your PIN to sign.</source>
            <translation>Escriba su PIN para firmar.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="161" />
            <source>Sign off this checklist</source>
            <translation>Firmar esta lista</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="165" />
            <source>I have gone through this checklist with the patient and answered their questions.</source>
            <translation>He revisado esta lista con el paciente y he respondido a sus preguntas.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="169" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="170" />
            <source>Signed by: %1</source>
            <translation>Firma: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="171" />
            <source>Time: %1</source>
            <translation>Fecha y hora: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="172" />
            <source>Method: %1</source>
            <translation>Método: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="172" />
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="173" />
            <source>Enter your PIN to sign</source>
            <translation>Escriba su PIN para firmar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="174" />
            <source>Your PIN</source>
            <translation>Su PIN</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="175" />
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="176" />
            <source>Sign off</source>
            <translation>Firmar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="176" />
            <source>Sign off anyway</source>
            <translation>Firmar de todos modos</translation>
        </message>
        <message numerus="yes">
            <location filename="../../hemiapp/ui/staff/signoff.py" line="185" />
            <source>%n items on this checklist are not done yet. Sign off only if you have gone through them with the patient.</source>
            <translation>
                <numerusform>%n punto de esta lista aún no está hecho. Firme solo si lo ha repasado con el paciente.</numerusform>
                <numerusform>%n puntos de esta lista aún no están hechos. Firme solo si los ha repasado con el paciente.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="197" />
            <source>Signed off before by %1 (%2) on %3, then changed. This sign-off replaces it.</source>
            <translation>Firmada antes por %1 (%2) el %3 y cambiada después. Esta firma la sustituye.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/signoff.py" line="201" />
            <source>Already signed off by %1 (%2) on %3. Signing again replaces that sign-off (both stay in the record).</source>
            <translation>Ya la firmó %1 (%2) el %3. Si firma de nuevo, esta firma sustituye a la anterior (las dos quedan en el registro).</translation>
        </message>
    </context>
    <context>
        <name>StaffBar</name>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="96" />
            <source>Staff</source>
            <translation>Personal</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="96" />
            <location filename="../../hemiapp/ui/staff/bar.py" line="97" />
            <source>Staff sign-in</source>
            <translation>Acceso del personal</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="98" />
            <source>Staff mode:</source>
            <translation>Personal:</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="100" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="104" />
            <source>Patient: not named yet</source>
            <translation>Paciente: aún sin nombre</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="106" />
            <source>Patient: %1, born %2</source>
            <translation>Paciente: %1 (nac. %2)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="111" />
            <source>Staff menu</source>
            <translation>Menú del personal</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="112" />
            <source>Sign out</source>
            <translation>Cerrar sesión</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="125" />
            <source>course %1</source>
            <translation>curso %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="130" />
            <source>%1 (in review)</source>
            <translation>%1 (en revisión)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="130" />
            <source>%1 (draft)</source>
            <translation>%1 (borrador)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="134" />
            <source>In review, not clinically approved: %1</source>
            <translation>En revisión, sin aprobación clínica: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="136" />
            <source>Draft, not clinically approved: %1</source>
            <translation>Borrador, sin aprobación clínica: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/bar.py" line="137" />
            <source>Not clinically approved: %1</source>
            <translation>Sin aprobación clínica: %1</translation>
        </message>
    </context>
    <context>
        <name>StaffController</name>
        <message>
            <location filename="../../hemiapp/ui/staff/controller.py" line="229" />
            <source>Only a signed-in staff member can add notes.</source>
            <translation>Solo el personal con la sesión iniciada puede agregar notas.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/controller.py" line="244" />
            <source>Sign in first.</source>
            <translation>Primero inicie sesión.</translation>
        </message>
    </context>
    <context>
        <name>StaffPanel</name>
        <message>
            <location filename="../../hemiapp/ui/staff/panel.py" line="149" />
            <source>Type a name, a date of birth or an MRN first.</source>
            <translation>Primero escriba un nombre, una fecha de nacimiento o un n.º de historia clínica.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/panel.py" line="165" />
            <source>“%1” is not a date. Type the date of birth as %2, for example %3.</source>
            <translation>«%1» no es una fecha. Escriba la fecha de nacimiento como %2, por ejemplo %3.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/panel.py" line="176" />
            <source>That session is no longer there. Search again.</source>
            <translation>Esa sesión ya no está disponible. Busque de nuevo.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/panel.py" line="188" />
            <source>Sign in first.</source>
            <translation>Primero inicie sesión.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/panel.py" line="200" />
            <source>Staff menu</source>
            <translation>Menú del personal</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/panel.py" line="201" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/panel.py" line="201" />
            <source>Close the staff menu</source>
            <translation>Cerrar el menú del personal</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/panel.py" line="202" />
            <source>New patient session</source>
            <translation>Nueva sesión</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/panel.py" line="202" />
            <source>Find a patient</source>
            <translation>Buscar paciente</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/panel.py" line="202" />
            <source>Quiz results</source>
            <translation>Resultados de preguntas</translation>
        </message>
    </context>
    <context>
        <name>StillTherePage</name>
        <message>
            <location filename="../../hemiapp/kiosk/countdown.py" line="63" />
            <source>Are you still there?</source>
            <translation>¿Sigue ahí?</translation>
        </message>
        <message numerus="yes">
            <location filename="../../hemiapp/kiosk/countdown.py" line="68" />
            <source>To keep your information private, this visit will end in %n seconds and the screen will start again.</source>
            <translation>
                <numerusform>Para proteger su información, esta visita terminará en %n segundo y la pantalla volverá al inicio.</numerusform>
                <numerusform>Para proteger su información, esta visita terminará en %n segundos y la pantalla volverá al inicio.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../hemiapp/kiosk/countdown.py" line="74" />
            <source>I'm still here</source>
            <translation>Sigo aquí</translation>
        </message>
    </context>
    <context>
        <name>SurgeryDatePage</name>
        <message>
            <location filename="../../hemiapp/ui/surgerydate.py" line="63" />
            <source>Your surgery date</source>
            <translation>La fecha de su cirugía</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/surgerydate.py" line="66" />
            <source>Surgery date: %1</source>
            <translation>Fecha de la cirugía: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/surgerydate.py" line="66" />
            <source>No date chosen.</source>
            <translation>No ha elegido una fecha.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/surgerydate.py" line="70" />
            <source>Tap a day on the calendar. The dates on your checklists change with it.</source>
            <translation>Toque un día en el calendario. Las fechas de sus listas cambian con él.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/surgerydate.py" line="72" />
            <source>Clear date</source>
            <translation>Borrar la fecha</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/surgerydate.py" line="74" />
            <source>Done</source>
            <translation>Listo</translation>
        </message>
    </context>
    <context>
        <name>TeachBackSection</name>
        <message>
            <location filename="../../hemiapp/ui/staff/teachback.py" line="73" />
            <source>✗ The patient's answer: %1</source>
            <translation>✗ Respuesta del paciente: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/teachback.py" line="74" />
            <source>✓ The right answer: %1</source>
            <translation>✓ Respuesta correcta: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/teachback.py" line="90" />
            <source>The patient has not answered the quiz yet.</source>
            <translation>El paciente todavía no ha respondido las preguntas.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../hemiapp/ui/staff/teachback.py" line="93" />
            <source>%1 of %n answers right.</source>
            <translation>
                <numerusform>%1 de %n respuesta correcta.</numerusform>
                <numerusform>%1 de %n respuestas correctas.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../hemiapp/ui/staff/teachback.py" line="94" />
            <source>%n questions in all.</source>
            <translation>
                <numerusform>%n pregunta en total.</numerusform>
                <numerusform>%n preguntas en total.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/teachback.py" line="98" />
            <source>Go over these with the patient, then ask them to explain it back.</source>
            <translation>Repase estas preguntas con el paciente y luego pídale que se las explique con sus propias palabras.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/teachback.py" line="100" />
            <source>No wrong answers.</source>
            <translation>Ninguna respuesta incorrecta.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/teachback.py" line="109" />
            <source>✓ Teach-back done on %1</source>
            <translation>✓ Comprensión verificada el %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/staff/teachback.py" line="114" />
            <source>Teach-back done</source>
            <translation>Comprensión verificada</translation>
        </message>
    </context>
    <context>
        <name>TopBar</name>
        <message>
            <location filename="../../hemiapp/ui/widgets.py" line="242" />
            <source>HemiGuide</source>
            <translation>HemiGuide</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/widgets.py" line="243" />
            <source>Normal text</source>
            <translation>Texto normal</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/widgets.py" line="243" />
            <source>Large text</source>
            <translation>Texto grande</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/widgets.py" line="243" />
            <source>Extra large text</source>
            <translation>Texto muy grande</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/widgets.py" line="247" />
            <source>High contrast</source>
            <translation>Alto contraste</translation>
        </message>
    </context>
    <context>
        <name>WelcomeScreen</name>
        <message>
            <location filename="../../hemiapp/ui/welcome.py" line="96" />
            <source>Welcome</source>
            <extracomment>A day before today was tapped (not taken yet: the main window asks about it).</extracomment>
            <translation>Le damos la bienvenida</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/welcome.py" line="100" />
            <source>Learn about your hemilaminotomy, step by step. Then get ready for surgery with your own checklist.</source>
            <translation>Aprenda sobre su hemilaminotomía paso a paso. Luego prepárese con su propia lista.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/welcome.py" line="104" />
            <source>Choose your language</source>
            <translation>Elija su idioma</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/welcome.py" line="107" />
            <source>When is your surgery? (you can skip this)</source>
            <translation>¿Cuándo es su cirugía? (opcional)</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/welcome.py" line="110" />
            <source>No date chosen. Tap a day on the calendar.</source>
            <translation>No ha elegido una fecha. Toque un día en el calendario.</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/welcome.py" line="114" />
            <source>Surgery date: %1</source>
            <translation>Su cirugía: %1</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/welcome.py" line="117" />
            <source>Clear date</source>
            <translation>Borrar fecha</translation>
        </message>
        <message>
            <location filename="../../hemiapp/ui/welcome.py" line="118" />
            <source>Start</source>
            <translation>Empezar</translation>
        </message>
    </context>
</TS>
