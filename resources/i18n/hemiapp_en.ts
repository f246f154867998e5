<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClosingPage</name>
    <message numerus="yes">
        <location filename="../../hemiapp/ui/closing.py" line="118"/>
        <source>This screen starts again in %n seconds.</source>
        <translation>
            <numerusform>This screen starts again in %n second.</numerusform>
            <numerusform>This screen starts again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaintenancePage</name>
    <message numerus="yes">
        <location filename="../../hemiapp/ui/maintenance.py" line="97"/>
        <source>It will try again by itself in %n seconds.</source>
        <translation>
            <numerusform>It will try again by itself in %n second.</numerusform>
            <numerusform>It will try again by itself in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message numerus="yes">
        <location filename="../../hemiapp/ui/staff/notes.py" line="84"/>
        <source>%1 of %n characters</source>
        <translation>
            <numerusform>%1 of %n character</numerusform>
            <numerusform>%1 of %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInWait</name>
    <message numerus="yes">
        <location filename="../../hemiapp/ui/staff/signin.py" line="36"/>
        <source>Too many tries. Try again in %n minutes.</source>
        <translation>
            <numerusform>Too many tries. Try again in %n minute.</numerusform>
            <numerusform>Too many tries. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hemiapp/ui/staff/signin.py" line="37"/>
        <source>Too many tries. Try again in %n seconds.</source>
        <translation>
            <numerusform>Too many tries. Try again in %n second.</numerusform>
            <numerusform>Too many tries. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignOffPanel</name>
    <message numerus="yes">
        <location filename="../../hemiapp/ui/staff/signoff.py" line="185"/>
        <source>%n items on this checklist are not done yet. Sign off only if you have gone through them with the patient.</source>
        <translation>
            <numerusform>%n item on this checklist is not done yet. Sign off only if you have gone through it with the patient.</numerusform>
            <numerusform>%n items on this checklist are not done yet. Sign off only if you have gone through them with the patient.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StillTherePage</name>
    <message numerus="yes">
        <location filename="../../hemiapp/kiosk/countdown.py" line="68"/>
        <source>To keep your information private, this visit will end in %n seconds and the screen will start again.</source>
        <translation>
            <numerusform>To keep your information private, this visit will end in %n second and the screen will start again.</numerusform>
            <numerusform>To keep your information private, this visit will end in %n seconds and the screen will start again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeachBackSection</name>
    <message numerus="yes">
        <location filename="../../hemiapp/ui/staff/teachback.py" line="93"/>
        <source>%1 of %n answers right.</source>
        <translation>
            <numerusform>%1 of %n answer right.</numerusform>
            <numerusform>%1 of %n answers right.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hemiapp/ui/staff/teachback.py" line="94"/>
        <source>%n questions in all.</source>
        <translation>
            <numerusform>%n question in all.</numerusform>
            <numerusform>%n questions in all.</numerusform>
        </translation>
    </message>
</context>
</TS>
