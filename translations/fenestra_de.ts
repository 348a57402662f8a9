<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>ErrorText</name>
    <message>
        <source>The file does not exist.</source>
        <translation>Die Datei existiert nicht.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This is not a DICOM file.</source>
        <translation>Dies ist keine DICOM-Datei.</translation>
    </message>
    <message>
        <source>The file is incomplete (truncated).</source>
        <translation>Die Datei ist unvollständig (abgeschnitten).</translation>
    </message>
    <message>
        <source>The DICOM data is malformed.</source>
        <translation>Die DICOM-Daten sind fehlerhaft.</translation>
    </message>
    <message>
        <source>A required DICOM attribute is missing.</source>
        <translation>Ein erforderliches DICOM-Attribut fehlt.</translation>
    </message>
    <message>
        <source>The image compression (transfer syntax) is not supported.</source>
        <translation>Die Bildkompression (Transfersyntax) wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The pixel format is not supported.</source>
        <translation>Das Pixelformat wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The image data cannot be decoded.</source>
        <translation>Die Bilddaten können nicht dekodiert werden.</translation>
    </message>
    <message>
        <source>This object has no image.</source>
        <translation>Dieses Objekt enthält kein Bild.</translation>
    </message>
    <message>
        <source>The requested image does not exist.</source>
        <translation>Das angeforderte Bild existiert nicht.</translation>
    </message>
    <message>
        <source>The image does not match the geometry of its series.</source>
        <translation>Das Bild passt nicht zur Geometrie seiner Serie.</translation>
    </message>
    <message>
        <source>The archive cannot be read.</source>
        <translation>Das Archiv kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The DICOMDIR of this medium is invalid.</source>
        <translation>Das DICOMDIR dieses Datenträgers ist ungültig.</translation>
    </message>
    <message>
        <source>The series was not found.</source>
        <translation>Die Serie wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The output cannot be written.</source>
        <translation>Die Ausgabe kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>fenestra export: no images of series %1</source>
        <translation>fenestra export: keine Bilder in Serie %1</translation>
    </message>
    <message>
        <source>fenestra export: image %1 out of range 1..%2</source>
        <translation>fenestra export: Bild %1 liegt außerhalb von 1..%2</translation>
    </message>
    <message>
        <source>fenestra export: %1: %2</source>
        <translation>fenestra export: %1: %2</translation>
    </message>
    <message>
        <source>fenestra export: cannot write %1</source>
        <translation>fenestra export: %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Render one image of a series to PNG or JPEG.</source>
        <translation>Gibt ein Bild einer Serie als PNG oder JPEG aus.</translation>
    </message>
    <message>
        <source>Files, folders, DICOMDIR or zip archives.</source>
        <translation>Dateien, Ordner, DICOMDIR oder ZIP-Archive.</translation>
    </message>
    <message>
        <source>Series Instance UID.</source>
        <translation>Series Instance UID der Serie.</translation>
    </message>
    <message>
        <source>Image number in display order, from 1.</source>
        <translation>Bildnummer in Anzeigereihenfolge, ab 1.</translation>
    </message>
    <message>
        <source>Window center and width.</source>
        <translation>Fensterzentrum und -breite.</translation>
    </message>
    <message>
        <source>Output image file.</source>
        <translation>Ausgabebilddatei.</translation>
    </message>
    <message>
        <source>usage: fenestra export PATH... --series UID [--frame N] [--window CENTER,WIDTH] --out FILE.png</source>
        <translation>Aufruf: fenestra export PFAD... --series UID [--frame N] [--window ZENTRUM,BREITE] --out DATEI.png</translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <source>Display set %1: %2 x %3, %4 frames, %5</source>
        <translation>Anzeigeserie %1: %2 x %3, %4 Bilder, %5</translation>
    </message>
    <message>
        <source>, spacing %1 x %2 x %3 mm, normal (%4, %5, %6)</source>
        <translation>, Abstand %1 x %2 x %3 mm, Normale (%4, %5, %6)</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <source>irregular spacing</source>
        <translation>unregelmäßiger Abstand</translation>
    </message>
    <message>
        <source>duplicate position</source>
        <translation>doppelte Position</translation>
    </message>
    <message>
        <source>; %1 after frame %2: %3 mm (expected %4 mm)</source>
        <translation>; %1 nach Bild %2: %3 mm (erwartet %4 mm)</translation>
    </message>
    <message>
        <source>Series %1 %2 "%3" %4: %5 objects</source>
        <translation>Serie %1 %2 „%3“ %4: %5 Objekte</translation>
    </message>
    <message>
        <source>%1 (no pixels): %2</source>
        <translation>%1 (ohne Pixel): %2</translation>
    </message>
    <message>
        <source>Patient %1, ID %2, born %3, sex %4</source>
        <translation>Patient %1, ID %2, geboren %3, Geschlecht %4</translation>
    </message>
    <message>
        <source>Study %1 "%2" %3</source>
        <translation>Studie %1 „%2“ %3</translation>
    </message>
    <message>
        <source>%1 duplicate objects ignored</source>
        <translation>%1 doppelte Objekte ignoriert</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Error: %1: %2</source>
        <translation>Fehler: %1: %2</translation>
    </message>
    <message>
        <source>Describe DICOM files, folders, media and archives.</source>
        <translation>Beschreibt DICOM-Dateien, -Ordner, -Datenträger und -Archive.</translation>
    </message>
    <message>
        <source>Files, folders, DICOMDIR or zip archives.</source>
        <translation>Dateien, Ordner, DICOMDIR oder ZIP-Archive.</translation>
    </message>
    <message>
        <source>Print JSON with frame hashes.</source>
        <translation>Gibt JSON mit Bild-Prüfsummen aus.</translation>
    </message>
    <message>
        <source>fenestra info: no path given</source>
        <translation>fenestra info: kein Pfad angegeben</translation>
    </message>
</context>
<context>
    <name>fenestra::app::MainWindow</name>
    <message>
        <source>Fenestra</source>
        <translation>Fenestra</translation>
    </message>
    <message>
        <source>Patient / study / series</source>
        <translation>Patient / Studie / Serie</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Study browser</source>
        <translation>Studienbrowser</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <source>Files that could not be opened</source>
        <translation>Dateien, die nicht geöffnet werden konnten</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open files...</source>
        <translation>Dateien ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Open DICOM files</source>
        <translation>DICOM-Dateien öffnen</translation>
    </message>
    <message>
        <source>Open &amp;folder...</source>
        <translation>&amp;Ordner öffnen...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open a folder or CD</source>
        <translation>Einen Ordner oder eine CD öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Opening...</source>
        <translation>Wird geöffnet...</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n objects opened</source>
        <translation><numerusform>%n Objekt geöffnet</numerusform><numerusform>%n Objekte geöffnet</numerusform></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Files, folders, DICOMDIR or zip archives to open.</source>
        <translation>Zu öffnende Dateien, Ordner, DICOMDIR oder ZIP-Archive.</translation>
    </message>
    <message>
        <source>Save a screenshot of the window and quit.</source>
        <translation>Speichert ein Bildschirmfoto des Fensters und beendet das Programm.</translation>
    </message>
</context>
<context>
    <name>fenestra::app::StackView</name>
    <message>
        <source>Image stack</source>
        <translation>Bildstapel</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>Bild %1 von %2</translation>
    </message>
    <message>
        <source>This image cannot be shown: %1</source>
        <translation>Dieses Bild kann nicht angezeigt werden: %1</translation>
    </message>
</context>
</TS>