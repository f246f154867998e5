<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClosingPage</name>
    <message numerus="yes">
        <location filename="../../hemiapp/ui/closing.py" line="111"/>
        <source>This screen starts again in %n seconds.</source>
        <translation>
            <numerusform>This screen starts again in %n second.</numerusform>
            <numerusform>This screen starts again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
