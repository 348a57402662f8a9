<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
    <message>
        <source>fenestra export: series %1 is not a volume (it needs parallel, evenly spaced slices); --plane cannot reformat it</source>
        <translation>fenestra export: Serie %1 ist kein Volumen (es braucht parallele, gleichmäßig beabstandete Schichten); --plane kann sie nicht rekonstruieren</translation>
    </message>
    <message>
        <source>fenestra export: %1</source>
        <translation>fenestra export: %1</translation>
    </message>
    <message>
        <source>fenestra export: offset %1 mm is outside the volume (-%2..%2 mm)</source>
        <translation>fenestra export: Versatz %1 mm liegt außerhalb des Volumens (-%2..%2 mm)</translation>
    </message>
    <message>
        <source>Reformat the series&apos; volume on a patient plane: axial, coronal or sagittal.</source>
        <translation>Das Volumen der Serie in einer Patientenebene rekonstruieren: axial, koronar oder sagittal.</translation>
    </message>
    <message>
        <source>Move the plane this far along its normal from the volume centre, in mm.</source>
        <translation>Die Ebene um diese Strecke entlang ihrer Normalen vom Volumenzentrum verschieben, in mm.</translation>
    </message>
    <message>
        <source>Thick slab of this thickness, in mm (needs --slab-mode).</source>
        <translation>Dicke Schicht dieser Dicke, in mm (benötigt --slab-mode).</translation>
    </message>
    <message>
        <source>How the slab combines: max, min or mean.</source>
        <translation>Wie die dicke Schicht kombiniert wird: max, min oder mean.</translation>
    </message>
    <message>
        <source>fenestra export: --slab and --slab-mode go together</source>
        <translation>fenestra export: --slab und --slab-mode gehören zusammen</translation>
    </message>
    <message>
        <source>fenestra export: --slab needs a positive thickness in mm, not &apos;%1&apos;</source>
        <translation>fenestra export: --slab braucht eine positive Dicke in mm, nicht „%1“</translation>
    </message>
    <message>
        <source>fenestra export: unknown slab mode &apos;%1&apos; (max, min or mean)</source>
        <translation>fenestra export: unbekannter Schichtmodus „%1“ (max, min oder mean)</translation>
    </message>
    <message>
        <source>fenestra export: --offset, --slab and --slab-mode need --plane</source>
        <translation>fenestra export: --offset, --slab und --slab-mode benötigen --plane</translation>
    </message>
    <message>
        <source>fenestra export: unknown plane &apos;%1&apos; (axial, coronal or sagittal)</source>
        <translation>fenestra export: unbekannte Ebene „%1“ (axial, coronal oder sagittal)</translation>
    </message>
    <message>
        <source>fenestra export: --frame and --plane exclude each other</source>
        <translation>fenestra export: --frame und --plane schließen einander aus</translation>
    </message>
    <message>
        <source>fenestra export: --offset needs a number of mm, not &apos;%1&apos;</source>
        <translation>fenestra export: --offset braucht eine Zahl in mm, nicht „%1“</translation>
    </message>
    <message>
        <source>       fenestra export PATH... --series UID --plane axial|coronal|sagittal [--offset MM] [--slab MM --slab-mode max|min|mean] [--window CENTER,WIDTH] --out FILE.png</source>
        <translation>       fenestra export PFAD... --series UID --plane axial|coronal|sagittal [--offset MM] [--slab MM --slab-mode max|min|mean] [--window ZENTRUM,BREITE] --out DATEI.png</translation>
    </message>
    <message>
        <source>Render one image of a series, or a reformat of its volume, to PNG or JPEG.</source>
        <translation>Ein Bild einer Serie oder eine Rekonstruktion ihres Volumens als PNG oder JPEG ausgeben.</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Nothing to export: the image is not loaded.</source>
        <translation>Nichts zu exportieren: Das Bild ist nicht geladen.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Nothing to export: the view is empty.</source>
        <translation>Nichts zu exportieren: Die Ansicht ist leer.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
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
        <source>Series %1 %2 &quot;%3&quot; %4: %5 objects</source>
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
        <source>Study %1 &quot;%2&quot; %3</source>
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
    <name>fenestra::app::ArchiveSettings</name>
    <message>
        <source>The archive address is not valid.</source>
        <translation>Die Archivadresse ist ungültig.</translation>
    </message>
    <message>
        <source>The archive cannot be reached.</source>
        <translation>Das Archiv ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The archive did not answer in time.</source>
        <translation>Das Archiv hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The secure connection to the archive failed.</source>
        <translation>Die sichere Verbindung zum Archiv ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The archive answered with an error.</source>
        <translation>Das Archiv hat mit einem Fehler geantwortet.</translation>
    </message>
    <message>
        <source>The archive requires you to sign in.</source>
        <translation>Das Archiv verlangt eine Anmeldung.</translation>
    </message>
    <message>
        <source>The archive refused access.</source>
        <translation>Das Archiv hat den Zugriff verweigert.</translation>
    </message>
    <message>
        <source>The archive&apos;s answer cannot be read.</source>
        <translation>Die Antwort des Archivs kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The archive&apos;s answer was cut short.</source>
        <translation>Die Antwort des Archivs ist unvollständig (abgebrochen).</translation>
    </message>
    <message>
        <source>Part of the archive&apos;s answer is malformed.</source>
        <translation>Ein Teil der Antwort des Archivs ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The request is not valid.</source>
        <translation>Die Anfrage ist ungültig.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The images are not in the local cache.</source>
        <translation>Die Bilder sind nicht im lokalen Cache.</translation>
    </message>
    <message>
        <source>A cached image failed its integrity check.</source>
        <translation>Ein Bild im Cache hat die Integritätsprüfung nicht bestanden.</translation>
    </message>
    <message>
        <source>The local cache cannot be read or written.</source>
        <translation>Der lokale Cache kann nicht gelesen oder beschrieben werden.</translation>
    </message>
    <message>
        <source>The image is larger than the whole local cache.</source>
        <translation>Das Bild ist größer als der gesamte lokale Cache.</translation>
    </message>
    <message>
        <source>The local cache cannot be encrypted or decrypted.</source>
        <translation>Der lokale Cache kann nicht ver- oder entschlüsselt werden.</translation>
    </message>
    <message>
        <source>No system keyring is available for the cache key.</source>
        <translation>Für den Cache-Schlüssel ist kein System-Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>An archive with this name already exists.</source>
        <translation>Ein Archiv mit diesem Namen existiert bereits.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>DICOMweb URL</source>
        <translation>DICOMweb-URL</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>DICOMweb &amp;URL:</source>
        <translation>DICOMweb-&amp;URL:</translation>
    </message>
    <message>
        <source>Archive name</source>
        <translation>Archivname</translation>
    </message>
    <message>
        <source>Archive DICOMweb URL</source>
        <translation>DICOMweb-URL des Archivs</translation>
    </message>
    <message>
        <source>Shown in the search results</source>
        <translation>Wird in den Suchergebnissen angezeigt</translation>
    </message>
    <message>
        <source>Archive error</source>
        <translation>Archivfehler</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>Änd&amp;ern</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Add archive</source>
        <translation>Archiv hinzufügen</translation>
    </message>
    <message>
        <source>Change selected archive</source>
        <translation>Ausgewähltes Archiv ändern</translation>
    </message>
    <message>
        <source>Remove selected archive</source>
        <translation>Ausgewähltes Archiv entfernen</translation>
    </message>
</context>
<context>
    <name>fenestra::app::ExportDialog</name>
    <message>
        <source>Export images</source>
        <translation>Bilder exportieren</translation>
    </message>
    <message>
        <source>The &amp;view as shown</source>
        <translation>Die A&amp;nsicht wie angezeigt</translation>
    </message>
    <message>
        <source>Every image of the &amp;series</source>
        <translation>Alle Bilder der &amp;Serie</translation>
    </message>
    <message>
        <source>PNG (lossless)</source>
        <translation>PNG (verlustfrei)</translation>
    </message>
    <message>
        <source>JPEG</source>
        <translation>JPEG</translation>
    </message>
    <message>
        <source>Image format</source>
        <translation>Bildformat</translation>
    </message>
    <message>
        <source>Include &amp;annotations and measurements</source>
        <translation>&amp;Annotationen und Messungen einschließen</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Export the series into</source>
        <translation>Serie exportieren nach</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>Ansicht exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>JPEG images (*.jpg *.jpeg)</source>
        <translation>JPEG-Bilder (*.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>fenestra::app::HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>Press Esc or F1 to close</source>
        <translation>Zum Schließen Esc oder F1 drücken</translation>
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
    <message>
        <source>Series thumbnails</source>
        <translation>Miniaturansichten der Serien</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Messungen</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serien</translation>
    </message>
    <message numerus="yes">
        <source>%n objects</source>
        <translation>
            <numerusform>%n Objekt</numerusform>
            <numerusform>%n Objekte</numerusform>
        </translation>
    </message>
    <message>
        <source>Open &amp;folder or CD...</source>
        <translation>&amp;Ordner oder CD öffnen...</translation>
    </message>
    <message>
        <source>Open &amp;zip archive...</source>
        <translation>&amp;ZIP-Archiv öffnen...</translation>
    </message>
    <message>
        <source>&amp;Close all studies</source>
        <translation>Alle Studien &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Export images...</source>
        <translation>Bilder e&amp;xportieren...</translation>
    </message>
    <message>
        <source>&amp;Copy view to clipboard</source>
        <translation>Ansicht in die Zwischenablage &amp;kopieren</translation>
    </message>
    <message>
        <source>View copied to the clipboard</source>
        <translation>Ansicht in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Layout</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Fenestra</source>
        <translation>Ü&amp;ber Fenestra</translation>
    </message>
    <message>
        <source>About Fenestra</source>
        <translation>Über Fenestra</translation>
    </message>
    <message>
        <source>Fenestra %1: a DICOM viewer and cross-hospital query client.</source>
        <translation>Fenestra %1: ein DICOM-Viewer und krankenhausübergreifender Abfrage-Client.</translation>
    </message>
    <message>
        <source>Show &amp;annotations</source>
        <translation>&amp;Annotationen anzeigen</translation>
    </message>
    <message>
        <source>Smooth &amp;interpolation</source>
        <translation>Geglättete &amp;Interpolation</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Actual &amp;pixels (1:1)</source>
        <translation>&amp;Originalgröße (1:1)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Rotate clockwise</source>
        <translation>Im &amp;Uhrzeigersinn drehen</translation>
    </message>
    <message>
        <source>Rotate &amp;counter-clockwise</source>
        <translation>&amp;Gegen den Uhrzeigersinn drehen</translation>
    </message>
    <message>
        <source>Flip &amp;horizontally</source>
        <translation>&amp;Horizontal spiegeln</translation>
    </message>
    <message>
        <source>Flip &amp;vertically</source>
        <translation>V&amp;ertikal spiegeln</translation>
    </message>
    <message>
        <source>In&amp;vert greys</source>
        <translation>Graustufen inver&amp;tieren</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>&amp;Nächstes Bild</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>Vo&amp;rheriges Bild</translation>
    </message>
    <message>
        <source>Ten images forward</source>
        <translation>Zehn Bilder vor</translation>
    </message>
    <message>
        <source>Ten images back</source>
        <translation>Zehn Bilder zurück</translation>
    </message>
    <message>
        <source>First image</source>
        <translation>Erstes Bild</translation>
    </message>
    <message>
        <source>Last image</source>
        <translation>Letztes Bild</translation>
    </message>
    <message>
        <source>Play or pause &amp;cine</source>
        <translation>Cine a&amp;bspielen oder anhalten</translation>
    </message>
    <message>
        <source>Cine &amp;faster</source>
        <translation>Cine &amp;schneller</translation>
    </message>
    <message>
        <source>Cine &amp;slower</source>
        <translation>Cine langsa&amp;mer</translation>
    </message>
    <message>
        <source>One view (1x1)</source>
        <translation>Eine Ansicht (1x1)</translation>
    </message>
    <message>
        <source>Side by side (1x2)</source>
        <translation>Nebeneinander (1x2)</translation>
    </message>
    <message>
        <source>Above each other (2x1)</source>
        <translation>Übereinander (2x1)</translation>
    </message>
    <message>
        <source>Four views (2x2)</source>
        <translation>Vier Ansichten (2x2)</translation>
    </message>
    <message>
        <source>Nine views (3x3)</source>
        <translation>Neun Ansichten (3x3)</translation>
    </message>
    <message>
        <source>Synchronize &amp;scrolling</source>
        <translation>&amp;Blättern synchronisieren</translation>
    </message>
    <message>
        <source>Synchronize &amp;pan and zoom</source>
        <translation>&amp;Verschieben und Zoom synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Reference lines</source>
        <translation>&amp;Referenzlinien</translation>
    </message>
    <message>
        <source>Next &amp;view</source>
        <translation>&amp;Nächste Ansicht</translation>
    </message>
    <message>
        <source>&amp;Scroll</source>
        <translation>&amp;Blättern</translation>
    </message>
    <message>
        <source>&amp;Window/level</source>
        <translation>&amp;Fensterung</translation>
    </message>
    <message>
        <source>&amp;Zoom</source>
        <translation>&amp;Zoom</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>Län&amp;ge</translation>
    </message>
    <message>
        <source>&amp;Angle</source>
        <translation>&amp;Winkel</translation>
    </message>
    <message>
        <source>&amp;Ellipse ROI</source>
        <translation>&amp;Elliptische ROI</translation>
    </message>
    <message>
        <source>&amp;Rectangle ROI</source>
        <translation>&amp;Rechteckige ROI</translation>
    </message>
    <message>
        <source>Pixel &amp;probe</source>
        <translation>Pi&amp;xelsonde</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>A&amp;rrow</source>
        <translation>&amp;Pfeil</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Window &amp;presets</source>
        <translation>Fensterv&amp;oreinstellungen</translation>
    </message>
    <message>
        <source>Window from the image</source>
        <translation>Fensterung aus den Bilddaten</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm *.DCM DICOMDIR *);;Zip archives (*.zip)</source>
        <translation>DICOM-Dateien (*.dcm *.DCM DICOMDIR *);;ZIP-Archive (*.zip)</translation>
    </message>
    <message>
        <source>Open a zip archive</source>
        <translation>Ein ZIP-Archiv öffnen</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>ZIP-Archive (*.zip)</translation>
    </message>
    <message>
        <source>Open a series to export its images.</source>
        <translation>Öffnen Sie eine Serie, um ihre Bilder zu exportieren.</translation>
    </message>
    <message>
        <source>Exporting images...</source>
        <translation>Bilder werden exportiert...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export images</source>
        <translation>Bilder exportieren</translation>
    </message>
    <message>
        <source>Images exported</source>
        <translation>Bilder exportiert</translation>
    </message>
    <message>
        <source>The saved measurements of this study cannot be read.</source>
        <translation>Die gespeicherten Messungen dieser Studie können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The measurements could not be saved.</source>
        <translation>Die Messungen konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>View layout: 1x1, 1x2, 2x1, 2x2 or 3x3.</source>
        <translation>Ansichtslayout: 1x1, 1x2, 2x1, 2x2 oder 3x3.</translation>
    </message>
    <message>
        <source>The local image cache is empty.</source>
        <translation>Der lokale Bildcache ist leer.</translation>
    </message>
    <message>
        <source>Asking %1 for the series of the study...</source>
        <translation>Serien der Studie werden bei %1 abgefragt...</translation>
    </message>
    <message>
        <source>%1 cannot list the series of this study.</source>
        <translation>%1 kann die Serien dieser Studie nicht auflisten.</translation>
    </message>
    <message>
        <source>%1 (archive)</source>
        <translation>%1 (Archiv)</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Receiving images: %1 of %2</source>
        <translation>Bilder werden empfangen: %1 von %2</translation>
    </message>
    <message>
        <source>Series received</source>
        <translation>Serie empfangen</translation>
    </message>
    <message>
        <source>The series cannot be loaded from the archive.</source>
        <translation>Die Serie kann nicht aus dem Archiv geladen werden.</translation>
    </message>
    <message>
        <source>No keyring is available: images received from archives are kept for this session only.</source>
        <translation>Kein Schlüsselbund verfügbar: Aus Archiven empfangene Bilder werden nur für diese Sitzung aufbewahrt.</translation>
    </message>
    <message>
        <source>A DICOMweb archive to search for this session (URL or NAME=URL).</source>
        <translation>Ein DICOMweb-Archiv, das in dieser Sitzung durchsucht wird (URL oder NAME=URL).</translation>
    </message>
    <message>
        <source>--archive %1: %2</source>
        <translation>--archive %1: %2</translation>
    </message>
</context>
<context>
    <name>fenestra::app::MeasurementList</name>
    <message>
        <source>Double-click to edit the label</source>
        <translation>Doppelklicken, um die Beschriftung zu bearbeiten</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Pixelsonde</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Pfeil</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Messungen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected measurement</source>
        <translation>Ausgewählte Messung löschen</translation>
    </message>
</context>
<context>
    <name>fenestra::app::RecentItems</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>Zu&amp;letzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Clear recent</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>fenestra::app::SearchPanel</name>
    <message>
        <source>%1, %2</source>
        <comment>family name, given names</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Patient &amp;name:</source>
        <translation>Patienten&amp;name:</translation>
    </message>
    <message>
        <source>Patient &amp;ID:</source>
        <translation>Patienten-&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>&amp;Geburtsdatum:</translation>
    </message>
    <message>
        <source>Study date &amp;from:</source>
        <translation>Studiendatum &amp;von:</translation>
    </message>
    <message>
        <source>Study date &amp;to:</source>
        <translation>Studiendatum &amp;bis:</translation>
    </message>
    <message>
        <source>&amp;Modality:</source>
        <translation>&amp;Modalität:</translation>
    </message>
    <message>
        <source>&amp;Accession number:</source>
        <translation>&amp;Auftragsnummer:</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Patientenname</translation>
    </message>
    <message>
        <source>FAMILY^Given; * and ? are wildcards</source>
        <translation>NACHNAME^Vorname; * und ? sind Platzhalter</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Study date from</source>
        <translation>Studiendatum von</translation>
    </message>
    <message>
        <source>Study date to</source>
        <translation>Studiendatum bis</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <source>Accession number</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Search the archives</source>
        <translation>In den Archiven suchen</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Clear the search fields</source>
        <translation>Suchfelder leeren</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Studiendatum</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalitäten</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>Auftragsnr.</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serien</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>&amp;More results</source>
        <translation>&amp;Weitere Ergebnisse</translation>
    </message>
    <message>
        <source>Fetch more results</source>
        <translation>Weitere Ergebnisse abrufen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the selected study</source>
        <translation>Ausgewählte Studie öffnen</translation>
    </message>
    <message>
        <source>&amp;Keep in local library</source>
        <translation>In lokaler Bibliothek be&amp;halten</translation>
    </message>
    <message>
        <source>Keep the selected study in the local library</source>
        <translation>Ausgewählte Studie in der lokalen Bibliothek behalten</translation>
    </message>
    <message>
        <source>%1: ready</source>
        <translation>%1: bereit</translation>
    </message>
    <message>
        <source>%1: searching…</source>
        <translation>%1: Suche läuft…</translation>
    </message>
    <message numerus="yes">
        <source>%1: studies so far: %n, more available</source>
        <translation>
            <numerusform>%1: bisher %n Studie, weitere verfügbar</numerusform>
            <numerusform>%1: bisher %n Studien, weitere verfügbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: studies found: %n</source>
        <translation>
            <numerusform>%1: %n Studie gefunden</numerusform>
            <numerusform>%1: %n Studien gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: error: %2</source>
        <translation>%1: Fehler: %2</translation>
    </message>
    <message>
        <source>Status of archive %1</source>
        <translation>Status des Archivs %1</translation>
    </message>
</context>
<context>
    <name>fenestra::app::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Show &amp;annotations in new views</source>
        <translation>&amp;Annotationen in neuen Ansichten anzeigen</translation>
    </message>
    <message>
        <source>&amp;Smooth images (linear interpolation)</source>
        <translation>Bilder &amp;glätten (lineare Interpolation)</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> Bilder/s</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Cine rate when the images give none:</source>
        <translation>&amp;Cine-Bildrate, wenn die Bilder keine angeben:</translation>
    </message>
    <message>
        <source>&amp;Memory for decoded images:</source>
        <translation>Speicher für &amp;dekodierte Bilder:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Show annotations in new views</source>
        <translation>Annotationen in neuen Ansichten anzeigen</translation>
    </message>
    <message>
        <source>Smooth images</source>
        <translation>Bilder glätten</translation>
    </message>
    <message>
        <source>Cine rate when the images give none</source>
        <translation>Cine-Bildrate, wenn die Bilder keine angeben</translation>
    </message>
    <message>
        <source>Memory for decoded images</source>
        <translation>Speicher für dekodierte Bilder</translation>
    </message>
    <message>
        <source>Clear the local image cache</source>
        <translation>Lokalen Bildcache leeren</translation>
    </message>
    <message>
        <source>Remove every image received from the archives from this computer?</source>
        <translation>Alle aus den Archiven empfangenen Bilder von diesem Computer entfernen?</translation>
    </message>
    <message>
        <source>Archives (DICOMweb):</source>
        <translation>Archive (DICOMweb):</translation>
    </message>
    <message>
        <source>&amp;Clear the local image cache...</source>
        <translation>Lokalen Bildcache &amp;leeren...</translation>
    </message>
    <message>
        <source>Parallel &amp;transfers per series:</source>
        <translation>&amp;Parallele Übertragungen pro Serie:</translation>
    </message>
    <message>
        <source>Parallel transfers per series</source>
        <translation>Parallele Übertragungen pro Serie</translation>
    </message>
    <message>
        <source>Local image cache on &amp;disk:</source>
        <translation>Lokaler Bildcache auf der &amp;Festplatte:</translation>
    </message>
    <message>
        <source>Local image cache on disk</source>
        <translation>Lokaler Bildcache auf der Festplatte</translation>
    </message>
</context>
<context>
    <name>fenestra::app::ThumbnailStrip</name>
    <message>
        <source>Series thumbnails</source>
        <translation>Miniaturansichten der Serien</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n images</source>
        <translation>
            <numerusform>%1
%n Bild</numerusform>
            <numerusform>%1
%n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Serie %1</translation>
    </message>
    <message>
        <source>%1 (part %2)</source>
        <translation>%1 (Teil %2)</translation>
    </message>
</context>
<context>
    <name>fenestra::app::ViewGrid</name>
    <message>
        <source>Image views</source>
        <translation>Bildansichten</translation>
    </message>
</context>
<context>
    <name>fenestra::viewer::ImageOverlay</name>
    <message>
        <source>ID: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Born: %1</source>
        <translation>Geb.: %1</translation>
    </message>
    <message>
        <source>Sex: %1</source>
        <translation>Geschl.: %1</translation>
    </message>
    <message>
        <source>Se: %1</source>
        <translation>Se: %1</translation>
    </message>
    <message>
        <source>Laterality: %1</source>
        <translation>Seite: %1</translation>
    </message>
    <message>
        <source>Im: %1/%2</source>
        <translation>Bild: %1/%2</translation>
    </message>
    <message>
        <source>Loc: %1 mm</source>
        <translation>Pos.: %1 mm</translation>
    </message>
    <message>
        <source>Thk: %1 mm</source>
        <translation>Dicke: %1 mm</translation>
    </message>
    <message>
        <source>%1 kVp</source>
        <translation>%1 kVp</translation>
    </message>
    <message>
        <source>%1 mAs</source>
        <translation>%1 mAs</translation>
    </message>
    <message>
        <source>TR: %1 ms</source>
        <translation>TR: %1 ms</translation>
    </message>
    <message>
        <source>TE: %1 ms</source>
        <translation>TE: %1 ms</translation>
    </message>
    <message>
        <source>W: %1 L: %2</source>
        <translation>B: %1 Z: %2</translation>
    </message>
    <message>
        <source>VOI LUT</source>
        <translation>VOI LUT</translation>
    </message>
    <message>
        <source>Zoom: %1%</source>
        <translation>Zoom: %1 %</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>Invertiert</translation>
    </message>
    <message>
        <source>%1 cm</source>
        <translation>%1 cm</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>The file of this image no longer exists.</source>
        <translation>Die Datei dieses Bildes existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The file of this image cannot be read.</source>
        <translation>Die Datei dieses Bildes kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The image data is incomplete (truncated).</source>
        <translation>Die Bilddaten sind unvollständig (abgeschnitten).</translation>
    </message>
    <message>
        <source>The image compression is not supported.</source>
        <translation>Die Bildkompression wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The pixel format is not supported.</source>
        <translation>Das Pixelformat wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>This object has no image.</source>
        <translation>Dieses Objekt enthält kein Bild.</translation>
    </message>
    <message>
        <source>The image data cannot be decoded.</source>
        <translation>Die Bilddaten können nicht dekodiert werden.</translation>
    </message>
</context>
<context>
    <name>fenestra::viewer::ImageView</name>
    <message>
        <source>Image view</source>
        <translation>Bildansicht</translation>
    </message>
    <message>
        <source>Window preset: %1</source>
        <translation>Fenstervoreinstellung: %1</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>Keine Bilder</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>Bild %1 von %2</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>(imager pixel spacing)</source>
        <translation>(Pixelabstand am Detektor)</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Wird geladen...</translation>
    </message>
    <message>
        <source>Outside the image</source>
        <translation>Außerhalb des Bildes</translation>
    </message>
    <message>
        <source>RGB %1 %2 %3</source>
        <translation>RGB %1 %2 %3</translation>
    </message>
    <message>
        <source>(%1, %2, %3 mm)</source>
        <translation>(%1, %2, %3 mm)</translation>
    </message>
    <message>
        <source>No statistics for this image</source>
        <translation>Keine Statistik für dieses Bild</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
    <message>
        <source>%1 px²</source>
        <translation>%1 px²</translation>
    </message>
    <message>
        <source>Mean %1 SD %2
Min %3 Max %4
Area %5</source>
        <translation>MW %1 SD %2
Min %3 Max %4
Fläche %5</translation>
    </message>
    <message>
        <source>Mean %1 SD %2 Min %3 Max %4 Area %5</source>
        <translation>MW %1 SD %2 Min %3 Max %4 Fläche %5</translation>
    </message>
    <message>
        <source>Text annotation</source>
        <translation>Textannotation</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
</context>
<context>
    <name>fenestra::viewer::WindowPreset</name>
    <message>
        <source>Brain</source>
        <translation>Gehirn</translation>
    </message>
    <message>
        <source>Subdural</source>
        <translation>Subdural</translation>
    </message>
    <message>
        <source>Stroke</source>
        <translation>Schlaganfall</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Lunge</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>Mediastinum</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Leber</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <source>Angio</source>
        <translation>Angio</translation>
    </message>
</context>
</TS>
