<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConsentRegistry</name>
    <message>
        <source>consent registry at %1: %2</source>
        <translation>Einwilligungsregister unter %1: %2</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>consent registry at %1: certificate refused: %2</source>
        <translation>Einwilligungsregister unter %1: Zertifikat abgelehnt: %2</translation>
    </message>
    <message>
        <source>consent registry at %1 asks for a login (HTTP 401)</source>
        <translation>das Einwilligungsregister unter %1 verlangt eine Anmeldung (HTTP 401)</translation>
    </message>
    <message>
        <source>consent registry at %1 refused access (HTTP 403)</source>
        <translation>das Einwilligungsregister unter %1 hat den Zugriff verweigert (HTTP 403)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>consent registry at %1 answered %2</source>
        <translation>das Einwilligungsregister unter %1 hat geantwortet: %2</translation>
    </message>
    <message>
        <source>consent search needs an http(s) registry and a patient</source>
        <translation>die Einwilligungssuche benötigt ein http(s)-Register und einen Patienten</translation>
    </message>
</context>
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
    <message>
        <source>The 3D view cannot be rendered.</source>
        <translation>Die 3D-Ansicht kann nicht gerendert werden.</translation>
    </message>
    <message>
        <source>An invalid value was given.</source>
        <translation>Es wurde ein ungültiger Wert angegeben.</translation>
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
        <source>fenestra export: --%1 needs an angle in degrees, not &apos;%2&apos;</source>
        <translation>fenestra export: --%1 braucht einen Winkel in Grad, nicht „%2“</translation>
    </message>
    <message>
        <source>fenestra export: --zoom needs a positive factor, not &apos;%1&apos;</source>
        <translation>fenestra export: --zoom braucht einen positiven Faktor, nicht „%1“</translation>
    </message>
    <message>
        <source>fenestra export: --size needs WIDTHxHEIGHT in pixels (1..%1), not &apos;%2&apos;</source>
        <translation>fenestra export: --size braucht BREITExHÖHE in Pixeln (1..%1), nicht „%2“</translation>
    </message>
    <message>
        <source>Render the series&apos; volume in 3D: vr (volume rendering), mip, minip or surface.</source>
        <translation>Das Volumen der Serie in 3D darstellen: vr (Volumenrendering), mip, minip oder surface.</translation>
    </message>
    <message>
        <source>Volume rendering preset: ct-bone, ct-soft-tissue, ct-vessels, mr-default or mip.</source>
        <translation>Voreinstellung des Volumenrenderings: ct-bone, ct-soft-tissue, ct-vessels, mr-default oder mip.</translation>
    </message>
    <message>
        <source>3D camera: degrees about the patient&apos;s superior axis from the anterior view.</source>
        <translation>3D-Kamera: Drehung in Grad um die nach kranial gerichtete Längsachse des Patienten, ausgehend von der Ansicht von anterior.</translation>
    </message>
    <message>
        <source>3D camera: degrees towards superior.</source>
        <translation>3D-Kamera: Neigung in Grad nach kranial.</translation>
    </message>
    <message>
        <source>3D camera: magnification (1 shows the whole volume).</source>
        <translation>3D-Kamera: Vergrößerung (1 zeigt das gesamte Volumen).</translation>
    </message>
    <message>
        <source>3D image size in pixels.</source>
        <translation>Größe des 3D-Bildes in Pixeln.</translation>
    </message>
    <message>
        <source>Isosurface value in HU (modality units), for --3d surface and --stl.</source>
        <translation>Wert der Isofläche in HU (Einheiten der Modalität), für --3d surface und --stl.</translation>
    </message>
    <message>
        <source>Write the isosurface at --iso as a binary STL mesh (patient coordinates, mm) instead of an image.</source>
        <translation>Die Isofläche bei --iso als binäres STL-Netz (Patientenkoordinaten, mm) statt eines Bildes schreiben.</translation>
    </message>
    <message>
        <source>fenestra export: --3d and --stl exclude each other</source>
        <translation>fenestra export: --3d und --stl schließen einander aus</translation>
    </message>
    <message>
        <source>fenestra export: --%1 needs --3d</source>
        <translation>fenestra export: --%1 benötigt --3d</translation>
    </message>
    <message>
        <source>fenestra export: --iso needs a value in HU, not &apos;%1&apos;</source>
        <translation>fenestra export: --iso braucht einen Wert in HU, nicht „%1“</translation>
    </message>
    <message>
        <source>fenestra export: --iso needs --3d surface or --stl</source>
        <translation>fenestra export: --iso benötigt --3d surface oder --stl</translation>
    </message>
    <message>
        <source>fenestra export: unknown 3D mode &apos;%1&apos; (vr, mip, minip or surface)</source>
        <translation>fenestra export: unbekannter 3D-Modus „%1“ (vr, mip, minip oder surface)</translation>
    </message>
    <message>
        <source>fenestra export: --preset needs --3d vr</source>
        <translation>fenestra export: --preset benötigt --3d vr</translation>
    </message>
    <message>
        <source>fenestra export: unknown preset &apos;%1&apos; (%2)</source>
        <translation>fenestra export: unbekannte Voreinstellung „%1“ (%2)</translation>
    </message>
    <message>
        <source>fenestra export: --3d needs an X display (DISPLAY is not set); run it under xvfb-run on a machine without one</source>
        <translation>fenestra export: --3d benötigt eine X-Anzeige (DISPLAY ist nicht gesetzt); starten Sie es auf einem Rechner ohne Anzeige mit xvfb-run</translation>
    </message>
    <message>
        <source>%1: %2 triangles, area %3 mm^2, enclosed volume %4 mm^3</source>
        <translation>%1: %2 Dreiecke, Fläche %3 mm^2, eingeschlossenes Volumen %4 mm^3</translation>
    </message>
    <message>
        <source>fenestra export: series %1 is not a volume (it needs parallel, evenly spaced slices); it has no 3D view</source>
        <translation>fenestra export: Serie %1 ist kein Volumen (es braucht parallele, gleichmäßig beabstandete Schichten); sie hat keine 3D-Ansicht</translation>
    </message>
    <message>
        <source>Reformat the series&apos; volume on a plane: axial, coronal, sagittal or oblique (with --normal).</source>
        <translation>Das Volumen der Serie in einer Ebene rekonstruieren: axial, coronal, sagittal oder oblique (mit --normal).</translation>
    </message>
    <message>
        <source>--plane oblique: the plane normal in patient coordinates (LPS), looked along.</source>
        <translation>--plane oblique: die Normale der Ebene in Patientenkoordinaten (LPS), zugleich die Blickrichtung.</translation>
    </message>
    <message>
        <source>--plane oblique: the direction towards the top of the image (default superior, or anterior for planes closer to axial).</source>
        <translation>--plane oblique: die Richtung zum oberen Bildrand (standardmäßig kranial, bei Ebenen näher an axial anterior).</translation>
    </message>
    <message>
        <source>fenestra export: --normal and --up need --plane oblique</source>
        <translation>fenestra export: --normal und --up benötigen --plane oblique</translation>
    </message>
    <message>
        <source>fenestra export: --plane oblique needs --normal x,y,z</source>
        <translation>fenestra export: --plane oblique benötigt --normal x,y,z</translation>
    </message>
    <message>
        <source>fenestra export: --normal needs a non-zero direction x,y,z, not &apos;%1&apos;</source>
        <translation>fenestra export: --normal braucht eine Richtung x,y,z ungleich null, nicht „%1“</translation>
    </message>
    <message>
        <source>fenestra export: --up needs a non-zero direction x,y,z, not &apos;%1&apos;</source>
        <translation>fenestra export: --up braucht eine Richtung x,y,z ungleich null, nicht „%1“</translation>
    </message>
    <message>
        <source>fenestra export: --up must not be parallel to --normal</source>
        <translation>fenestra export: --up darf nicht parallel zu --normal sein</translation>
    </message>
    <message>
        <source>fenestra export: unknown plane &apos;%1&apos; (axial, coronal, sagittal or oblique)</source>
        <translation>fenestra export: unbekannte Ebene „%1“ (axial, coronal, sagittal oder oblique)</translation>
    </message>
    <message>
        <source>fenestra export: --%1 does not go with --3d or --stl</source>
        <translation>fenestra export: --%1 ist mit --3d oder --stl nicht kombinierbar</translation>
    </message>
    <message>
        <source>fenestra export: --stl writes the mesh to its own file; leave out --out</source>
        <translation>fenestra export: --stl schreibt das Netz in eine eigene Datei; lassen Sie --out weg</translation>
    </message>
    <message>
        <source>       fenestra export PATH... --series UID --plane oblique --normal X,Y,Z [--up X,Y,Z] [--offset MM] [...] --out FILE.png</source>
        <translation>       fenestra export PFAD... --series UID --plane oblique --normal X,Y,Z [--up X,Y,Z] [--offset MM] [...] --out DATEI.png</translation>
    </message>
    <message>
        <source>       fenestra export PATH... --series UID --3d vr|mip|minip|surface [--preset NAME] [--azimuth DEG] [--elevation DEG] [--zoom F] [--size WxH] [--iso HU] --out FILE.png</source>
        <translation>       fenestra export PFAD... --series UID --3d vr|mip|minip|surface [--preset NAME] [--azimuth GRAD] [--elevation GRAD] [--zoom F] [--size BxH] [--iso HU] --out DATEI.png</translation>
    </message>
    <message>
        <source>       fenestra export PATH... --series UID --stl FILE.stl [--iso HU]</source>
        <translation>       fenestra export PFAD... --series UID --stl DATEI.stl [--iso HU]</translation>
    </message>
    <message>
        <source>Render one image of a series, a reformat or a 3D view of its volume to PNG or JPEG, or its isosurface to STL.</source>
        <translation>Rendert ein Bild einer Serie, eine Rekonstruktion oder eine 3D-Ansicht ihres Volumens als PNG oder JPEG oder ihre Isofläche als STL.</translation>
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
    <name>JsonWebKey</name>
    <message>
        <source>the key&apos;s member &apos;%1&apos; is missing or not base64url</source>
        <translation>das Feld „%1“ des Schlüssels fehlt oder ist kein base64url</translation>
    </message>
    <message>
        <source>RSA key of %1 bits is too short</source>
        <translation>der RSA-Schlüssel mit %1 Bit ist zu kurz</translation>
    </message>
    <message>
        <source>unsupported EC curve &apos;%1&apos;</source>
        <translation>nicht unterstützte EC-Kurve „%1“</translation>
    </message>
    <message>
        <source>unsupported OKP curve &apos;%1&apos;</source>
        <translation>nicht unterstützte OKP-Kurve „%1“</translation>
    </message>
    <message>
        <source>unsupported key type &apos;%1&apos;</source>
        <translation>nicht unterstützter Schlüsseltyp „%1“</translation>
    </message>
    <message>
        <source>the key&apos;s algorithm &apos;%1&apos; is not supported for this key type</source>
        <translation>der Algorithmus „%1“ des Schlüssels wird für diesen Schlüsseltyp nicht unterstützt</translation>
    </message>
    <message>
        <source>algorithm %1 does not match the key</source>
        <translation>der Algorithmus %1 passt nicht zum Schlüssel</translation>
    </message>
    <message>
        <source>the key set is not a JWK Set</source>
        <translation>der Schlüsselsatz ist kein JWK Set</translation>
    </message>
</context>
<context>
    <name>JsonWebToken</name>
    <message>
        <source>the claim &apos;%1&apos; is not a number</source>
        <translation>der Claim „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>audience &apos;%1&apos; not accepted (expected &apos;%2&apos;)</source>
        <translation>Audience „%1“ nicht akzeptiert (erwartet: „%2“)</translation>
    </message>
    <message>
        <source>authorized party &apos;%1&apos; not accepted</source>
        <translation>autorisierte Partei „%1“ nicht akzeptiert</translation>
    </message>
    <message>
        <source>token expired at %1</source>
        <translation>Token abgelaufen am %1</translation>
    </message>
    <message>
        <source>token not valid before %1</source>
        <translation>Token erst ab %1 gültig</translation>
    </message>
    <message>
        <source>token issued in the future, at %1</source>
        <translation>Token in der Zukunft ausgestellt, am %1</translation>
    </message>
    <message>
        <source>signature algorithm &apos;%1&apos; not accepted</source>
        <translation>Signaturalgorithmus „%1“ nicht akzeptiert</translation>
    </message>
    <message>
        <source>issuer &apos;%1&apos; not accepted (expected &apos;%2&apos;)</source>
        <translation>Aussteller „%1“ nicht akzeptiert (erwartet: „%2“)</translation>
    </message>
    <message>
        <source>no key &apos;%1&apos; in the provider&apos;s key set</source>
        <translation>kein Schlüssel „%1“ im Schlüsselsatz des Anbieters</translation>
    </message>
    <message>
        <source>no key in the key set accepts %1</source>
        <translation>kein Schlüssel im Schlüsselsatz akzeptiert %1</translation>
    </message>
</context>
<context>
    <name>OidcSession</name>
    <message>
        <source>the identity provider&apos;s discovery document has no %1</source>
        <translation>im Discovery-Dokument des Identitätsanbieters fehlt %1</translation>
    </message>
    <message>
        <source>the identity provider&apos;s %1 is not an https URL: %2</source>
        <translation>das Feld %1 des Identitätsanbieters ist keine https-URL: %2</translation>
    </message>
    <message>
        <source>the identity provider says its issuer is &apos;%1&apos;, expected &apos;%2&apos;</source>
        <translation>der Identitätsanbieter nennt als Aussteller „%1“, erwartet: „%2“</translation>
    </message>
    <message>
        <source>the identity provider does not support PKCE with S256</source>
        <translation>der Identitätsanbieter unterstützt PKCE mit S256 nicht</translation>
    </message>
    <message>
        <source>the identity provider&apos;s address is not an https URL: %1</source>
        <translation>die Adresse des Identitätsanbieters ist keine https-URL: %1</translation>
    </message>
    <message>
        <source>cannot reach the identity provider at %1: %2</source>
        <translation>der Identitätsanbieter unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>the identity provider at %1 answered HTTP %2</source>
        <translation>der Identitätsanbieter unter %1 hat mit HTTP %2 geantwortet</translation>
    </message>
    <message>
        <source>the identity provider refused the request: %1</source>
        <translation>der Identitätsanbieter hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>the identity provider&apos;s certificate at %1 is refused: %2</source>
        <translation>das Zertifikat des Identitätsanbieters unter %1 wird abgelehnt: %2</translation>
    </message>
    <message>
        <source>the identity provider at %1 answered something that is not a JSON object</source>
        <translation>der Identitätsanbieter unter %1 hat mit etwas geantwortet, das kein JSON-Objekt ist</translation>
    </message>
    <message>
        <source>the ID token names no subject</source>
        <translation>das ID-Token nennt kein Subject</translation>
    </message>
    <message>
        <source>the login answer comes from issuer &apos;%1&apos;, expected &apos;%2&apos;</source>
        <translation>die Anmeldeantwort stammt vom Aussteller „%1“, erwartet: „%2“</translation>
    </message>
    <message>
        <source>the renewed ID token names another subject</source>
        <translation>das erneuerte ID-Token nennt ein anderes Subject</translation>
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
    <message>
        <source>The sign-in token was refused.</source>
        <translation>Das Anmelde-Token wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in service cannot be reached.</source>
        <translation>Der Anmeldedienst ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The sign-in service refused the request.</source>
        <translation>Der Anmeldedienst hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>Signing in did not complete.</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>You are not signed in: sign in again.</source>
        <translation>Sie sind nicht angemeldet: Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Client certificates (*.p12 *.pfx *.pem *.crt);;All files (*)</source>
        <translation>Client-Zertifikate (*.p12 *.pfx *.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Private keys (*.key *.pem);;All files (*)</source>
        <translation>Private Schlüssel (*.key *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>Secure connection (TLS, https only)</source>
        <translation>Sichere Verbindung (TLS, nur https)</translation>
    </message>
    <message>
        <source>CA &amp;bundle:</source>
        <translation>CA-&amp;Bundle:</translation>
    </message>
    <message>
        <source>System authorities</source>
        <translation>Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>PEM file of the authorities that issue this archive&apos;s certificate. It replaces the system&apos;s authorities for this archive.</source>
        <translation>PEM-Datei der Zertifizierungsstellen, die das Zertifikat dieses Archivs ausstellen. Sie ersetzt für dieses Archiv die Zertifizierungsstellen des Systems.</translation>
    </message>
    <message>
        <source>Key &amp;pins:</source>
        <translation>Schlüssel-&amp;Pins:</translation>
    </message>
    <message>
        <source>None (SPKI SHA-256, base64, separated by spaces)</source>
        <translation>Keine (SPKI SHA-256, base64, durch Leerzeichen getrennt)</translation>
    </message>
    <message>
        <source>The server&apos;s key must match one of these fingerprints: openssl x509 -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary | base64</source>
        <translation>Der Schlüssel des Servers muss einem dieser Fingerabdrücke entsprechen: openssl x509 -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary | base64</translation>
    </message>
    <message>
        <source>Client cer&amp;tificate:</source>
        <translation>Client-&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>None (PEM, or PKCS#12 .p12/.pfx)</source>
        <translation>Keines (PEM oder PKCS#12 .p12/.pfx)</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Client-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>In the certificate file</source>
        <translation>In der Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Of the PKCS#12 file or encrypted key</source>
        <translation>Der PKCS#12-Datei oder des verschlüsselten Schlüssels</translation>
    </message>
    <message>
        <source>Password &amp;stored:</source>
        <translation>Passwort &amp;aufbewahren:</translation>
    </message>
    <message>
        <source>For this session only</source>
        <translation>Nur für diese Sitzung</translation>
    </message>
    <message>
        <source>In the system keyring</source>
        <translation>Im System-Schlüsselbund</translation>
    </message>
    <message>
        <source>Where the client certificate password is kept</source>
        <translation>Wo das Passwort des Client-Zertifikats aufbewahrt wird</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Archive CA bundle file</source>
        <translation>CA-Bundle-Datei des Archivs</translation>
    </message>
    <message>
        <source>Archive key pins</source>
        <translation>Schlüssel-Pins des Archivs</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>Client-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>Client-Schlüsseldatei</translation>
    </message>
    <message>
        <source>Client certificate password</source>
        <translation>Passwort des Client-Zertifikats</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>CA-Bundle-Datei auswählen</translation>
    </message>
    <message>
        <source>Choose the client certificate file</source>
        <translation>Client-Zertifikatsdatei auswählen</translation>
    </message>
    <message>
        <source>Choose the client key file</source>
        <translation>Client-Schlüsseldatei auswählen</translation>
    </message>
    <message>
        <source>The consent registry cannot be reached.</source>
        <translation>Das Einwilligungsregister ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>A consent from the registry cannot be read.</source>
        <translation>Eine Einwilligung aus dem Register kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The audit log failed its integrity check.</source>
        <translation>Das Audit-Protokoll hat die Integritätsprüfung nicht bestanden.</translation>
    </message>
    <message>
        <source>The audit log cannot be read or written.</source>
        <translation>Das Audit-Protokoll kann nicht gelesen oder beschrieben werden.</translation>
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
    <name>fenestra::app::FederationPanel</name>
    <message>
        <source>Search across hospitals</source>
        <translation>Krankenhausübergreifende Suche</translation>
    </message>
    <message>
        <source>Search across hospitals: %1</source>
        <translation>Krankenhausübergreifende Suche: %1</translation>
    </message>
    <message>
        <source>National &amp;identifier:</source>
        <translation>Nationale &amp;Identifikationsnummer:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>&amp;Geburtsdatum:</translation>
    </message>
    <message>
        <source>13 digits</source>
        <translation>13 Ziffern</translation>
    </message>
    <message>
        <source>Family, Given</source>
        <translation>Nachname, Vorname</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>&amp;Search all hospitals</source>
        <translation>In allen Krankenhäusern &amp;suchen</translation>
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
        <source>Hospitals</source>
        <translation>Krankenhäuser</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>waiting for the consent check…</source>
        <translation>Warten auf die Einwilligungsprüfung…</translation>
    </message>
    <message>
        <source>not searched yet</source>
        <translation>noch nicht abgefragt</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>slow: still searching…</source>
        <translation>langsam: Suche läuft noch…</translation>
    </message>
    <message numerus="yes">
        <source>answered: %n found</source>
        <translation>
            <numerusform>geantwortet: %n Studie gefunden</numerusform>
            <numerusform>geantwortet: %n Studien gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>denied: the archive refused access</source>
        <translation>verweigert: Das Archiv hat den Zugriff verweigert</translation>
    </message>
    <message>
        <source>timed out: no answer in time</source>
        <translation>Zeitüberschreitung: keine rechtzeitige Antwort</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source> (your hospital)</source>
        <translation> (Ihr Krankenhaus)</translation>
    </message>
    <message>
        <source>%1%2: %3</source>
        <translation>%1%2: %3</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>%1 · born %2</source>
        <translation>%1 · Geburtsdatum %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source> · national identifier %1</source>
        <translation> · nationale Identifikationsnummer %1</translation>
    </message>
    <message>
        <source> · no national identifier</source>
        <translation> · keine nationale Identifikationsnummer</translation>
    </message>
    <message>
        <source>%1, born %2: two different people share this name and birth date (different national identifiers); they are kept apart.</source>
        <translation>%1, geboren %2: Zwei verschiedene Personen haben diesen Namen und dieses Geburtsdatum (unterschiedliche nationale Identifikationsnummern); sie werden getrennt geführt.</translation>
    </message>
    <message>
        <source>Another person has the same name and birth date.</source>
        <translation>Eine andere Person hat denselben Namen und dasselbe Geburtsdatum.</translation>
    </message>
    <message>
        <source>%1, born %2: records match only by name and birth date, without a national identifier to prove it; they are shown apart, not merged. Check before treating them as one person.</source>
        <translation>%1, geboren %2: Die Datensätze stimmen nur in Name und Geburtsdatum überein, ohne nationale Identifikationsnummer als Nachweis; sie werden getrennt angezeigt, nicht zusammengeführt. Prüfen Sie dies, bevor Sie sie als eine Person behandeln.</translation>
    </message>
    <message>
        <source>May be the same person as another entry (name and birth date only): not merged.</source>
        <translation>Möglicherweise dieselbe Person wie ein anderer Eintrag (nur Name und Geburtsdatum): nicht zusammengeführt.</translation>
    </message>
    <message>
        <source>A hospital recorded an invalid national identifier.</source>
        <translation>Ein Krankenhaus hat eine ungültige nationale Identifikationsnummer erfasst.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>it must have 13 digits</source>
        <translation>sie muss 13 Ziffern haben</translation>
    </message>
    <message>
        <source>it may hold only digits and spaces</source>
        <translation>sie darf nur Ziffern und Leerzeichen enthalten</translation>
    </message>
    <message>
        <source>its first 8 digits are not a date of birth</source>
        <translation>ihre ersten 8 Ziffern sind kein Geburtsdatum</translation>
    </message>
    <message>
        <source>a check digit is wrong (mistyped?)</source>
        <translation>eine Prüfziffer ist falsch (Tippfehler?)</translation>
    </message>
    <message>
        <source>Sign in to search across hospitals: your hospital and what you may see come from your sign-in.</source>
        <translation>Melden Sie sich an, um krankenhausübergreifend zu suchen: Ihr Krankenhaus und was Sie sehen dürfen, ergeben sich aus Ihrer Anmeldung.</translation>
    </message>
    <message>
        <source>Your hospital (%1) is not part of the federation “%2”.</source>
        <translation>Ihr Krankenhaus (%1) gehört nicht zum Verbund „%2“.</translation>
    </message>
    <message>
        <source>The national identifier is not valid: %1.</source>
        <translation>Die nationale Identifikationsnummer ist ungültig: %1.</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>sie ist leer</translation>
    </message>
    <message>
        <source>The birth date does not match the national identifier.</source>
        <translation>Das Geburtsdatum passt nicht zur nationalen Identifikationsnummer.</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s national identifier, or a name (and birth date).</source>
        <translation>Geben Sie die nationale Identifikationsnummer des Patienten oder einen Namen (und ein Geburtsdatum) ein.</translation>
    </message>
    <message>
        <source>not searched: no consent registry configured</source>
        <translation>nicht abgefragt: kein Einwilligungsregister eingerichtet</translation>
    </message>
    <message>
        <source>not searched: no national identifier to check consent with</source>
        <translation>nicht abgefragt: keine nationale Identifikationsnummer für die Einwilligungsprüfung</translation>
    </message>
    <message>
        <source>not searched: the consent registry did not answer</source>
        <translation>nicht abgefragt: Das Einwilligungsregister hat nicht geantwortet</translation>
    </message>
    <message>
        <source>not searched: the patient refused sharing</source>
        <translation>nicht abgefragt: Der Patient hat die Weitergabe abgelehnt</translation>
    </message>
    <message>
        <source>not searched: consent withdrawn</source>
        <translation>nicht abgefragt: Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>not searched: consent expired</source>
        <translation>nicht abgefragt: Einwilligung abgelaufen</translation>
    </message>
    <message>
        <source>not searched: no consent on record</source>
        <translation>nicht abgefragt: keine Einwilligung hinterlegt</translation>
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
    <name>fenestra::app::LockScreen</name>
    <message>
        <source>Fenestra is locked</source>
        <translation>Fenestra ist gesperrt</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
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
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;MPR (axial, coronal, sagittal, 3D)</source>
        <translation>M&amp;PR (axial, koronal, sagittal, 3D)</translation>
    </message>
    <message>
        <source>MPR &amp;slab</source>
        <translation>&amp;Dicke MPR-Schicht</translation>
    </message>
    <message>
        <source>&amp;Thin slice</source>
        <translation>&amp;Dünne Schicht</translation>
    </message>
    <message>
        <source>&amp;Maximum intensity (MIP)</source>
        <translation>&amp;Maximale Intensität (MIP)</translation>
    </message>
    <message>
        <source>M&amp;inimum intensity (MinIP)</source>
        <translation>M&amp;inimale Intensität (MinIP)</translation>
    </message>
    <message>
        <source>&amp;Average</source>
        <translation>Mi&amp;ttelwert</translation>
    </message>
    <message>
        <source>T&amp;hicker slab</source>
        <translation>Di&amp;ckere Schicht</translation>
    </message>
    <message>
        <source>Thi&amp;nner slab</source>
        <translation>Dü&amp;nnere Schicht</translation>
    </message>
    <message>
        <source>&amp;Reset MPR</source>
        <translation>MPR &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Open the MPR layout first (Ctrl+M)</source>
        <translation>Öffnen Sie zuerst das MPR-Layout (Strg+M)</translation>
    </message>
    <message>
        <source>MPR needs a volume: parallel, evenly spaced slices</source>
        <translation>MPR benötigt ein Volumen: parallele, gleichmäßig beabstandete Schichten</translation>
    </message>
    <message>
        <source>MPR needs a series in the active view</source>
        <translation>MPR benötigt eine Serie in der aktiven Ansicht</translation>
    </message>
    <message>
        <source>Loading the volume...</source>
        <translation>Volumen wird geladen...</translation>
    </message>
    <message>
        <source>Loading the volume was cancelled</source>
        <translation>Das Laden des Volumens wurde abgebrochen</translation>
    </message>
    <message>
        <source>Cannot build the volume: %1</source>
        <translation>Das Volumen kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Volume loaded</source>
        <translation>Volumen geladen</translation>
    </message>
    <message numerus="yes">
        <source>Volume loaded; %n slices could not be read</source>
        <translation>
            <numerusform>Volumen geladen; %n Schicht konnte nicht gelesen werden</numerusform>
            <numerusform>Volumen geladen; %n Schichten konnten nicht gelesen werden</numerusform>
        </translation>
    </message>
    <message>
        <source>physician</source>
        <translation>Arzt/Ärztin</translation>
    </message>
    <message>
        <source>radiologist</source>
        <translation>Radiologe/Radiologin</translation>
    </message>
    <message>
        <source>general practitioner</source>
        <translation>Allgemeinmediziner/-in</translation>
    </message>
    <message>
        <source>&amp;Sign in...</source>
        <translation>&amp;Anmelden...</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>Jetzt &amp;sperren</translation>
    </message>
    <message>
        <source>Continue signing in in your web browser…</source>
        <translation>Setzen Sie die Anmeldung in Ihrem Webbrowser fort…</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Your session has ended: %1
Sign in again to go on; your open studies stay open.</source>
        <translation>Ihre Sitzung ist beendet: %1
Melden Sie sich erneut an, um fortzufahren; Ihre geöffneten Studien bleiben geöffnet.</translation>
    </message>
    <message>
        <source>No sign-in configured</source>
        <translation>Keine Anmeldung eingerichtet</translation>
    </message>
    <message>
        <source>Archives are asked without authentication.</source>
        <translation>Archive werden ohne Authentifizierung abgefragt.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Session ended: sign in again</source>
        <translation>Sitzung beendet: Bitte erneut anmelden</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Sign in to search the archives.</source>
        <translation>Melden Sie sich an, um in den Archiven zu suchen.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow searching the archives.</source>
        <translation>Ihre Rolle (%1) erlaubt keine Suche in den Archiven.</translation>
    </message>
    <message numerus="yes">
        <source>Patient data stays hidden until you sign in again. (The window locks after %n minutes without activity.)</source>
        <translation>
            <numerusform>Patientendaten bleiben verborgen, bis Sie sich erneut anmelden. (Das Fenster wird nach %n Minute ohne Aktivität gesperrt.)</numerusform>
            <numerusform>Patientendaten bleiben verborgen, bis Sie sich erneut anmelden. (Das Fenster wird nach %n Minuten ohne Aktivität gesperrt.)</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>The OpenID Connect provider doctors sign in with, for this session (its issuer URL).</source>
        <translation>Der Anbieter für OpenID Connect, bei dem sich Ärztinnen und Ärzte anmelden, für diese Sitzung (seine Issuer-URL).</translation>
    </message>
    <message>
        <source>--sign-in %1: not an http or https URL</source>
        <translation>--sign-in %1: keine http- oder https-URL</translation>
    </message>
    <message>
        <source>A client certificate password could not be read from the keyring: %1</source>
        <translation>Ein Passwort für ein Client-Zertifikat konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Search across hospitals</source>
        <translation>Krankenhausübergreifende Suche</translation>
    </message>
    <message>
        <source>The patient&apos;s consent for %1 has been withdrawn: its images were removed from this computer.</source>
        <translation>Die Einwilligung des Patienten für %1 wurde widerrufen: Die zugehörigen Bilder wurden von diesem Computer entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>Views showing them were closed (%n).</source>
        <translation>
            <numerusform>Die Ansicht, die sie zeigte, wurde geschlossen (%n).</numerusform>
            <numerusform>Die Ansichten, die sie zeigten, wurden geschlossen (%n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>Waiting for the series to arrive...</source>
        <translation>Warten auf das Eintreffen der Serie...</translation>
    </message>
    <message>
        <source>&amp;Emergency access (break the glass)...</source>
        <translation>&amp;Notfallzugriff (Break-the-Glass)...</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Emergency access ended.</source>
        <translation>Notfallzugriff beendet.</translation>
    </message>
    <message>
        <source>Emergency access refused</source>
        <translation>Notfallzugriff abgelehnt</translation>
    </message>
    <message>
        <source>Emergency access</source>
        <translation>Notfallzugriff</translation>
    </message>
    <message>
        <source>Emergency access lets you see this patient&apos;s images at other hospitals without the patient&apos;s consent, for a short time. It is recorded and reviewed. Write why it is needed:</source>
        <translation>Mit dem Notfallzugriff können Sie die Bilder dieses Patienten in anderen Krankenhäusern für kurze Zeit ohne seine Einwilligung einsehen. Der Zugriff wird protokolliert und überprüft. Geben Sie an, warum er nötig ist:</translation>
    </message>
    <message>
        <source>Reason for emergency access</source>
        <translation>Grund für den Notfallzugriff</translation>
    </message>
    <message>
        <source>Start emergency access</source>
        <translation>Notfallzugriff starten</translation>
    </message>
    <message>
        <source>Emergency access until %1: every access is recorded.</source>
        <translation>Notfallzugriff bis %1: Jeder Zugriff wird protokolliert.</translation>
    </message>
    <message>
        <source>End emergency access</source>
        <translation>Notfallzugriff beenden</translation>
    </message>
    <message>
        <source>The audit log cannot be opened: %1</source>
        <translation>Das Audit-Protokoll kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The federation configuration (JSON) to search patients across hospitals with, for this session.</source>
        <translation>Die Verbundkonfiguration (JSON), mit der in dieser Sitzung krankenhausübergreifend nach Patienten gesucht wird.</translation>
    </message>
    <message>
        <source>--federation %1: %2</source>
        <translation>--federation %1: %2</translation>
    </message>
    <message>
        <source>The federation configuration cannot be read: %1</source>
        <translation>Die Verbundkonfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Audit records are not sent to the collector %1: the federation names no certificate authority for it (auditCollector.caBundle). They are kept in the local audit log.</source>
        <translation>Audit-Einträge werden nicht an den Kollektor %1 gesendet: Der Verbund nennt keine Zertifizierungsstelle dafür (auditCollector.caBundle). Sie bleiben im lokalen Audit-Protokoll.</translation>
    </message>
    <message>
        <source>Audit records are not sent to the collector %1, its certificate authority cannot be used: %2. They are kept in the local audit log.</source>
        <translation>Audit-Einträge werden nicht an den Kollektor %1 gesendet, seine Zertifizierungsstelle ist nicht verwendbar: %2. Sie bleiben im lokalen Audit-Protokoll.</translation>
    </message>
    <message>
        <source>Audit records cannot be sent to the collector %1 (the record of what was delivered does not match this audit log). They are kept in the local audit log.</source>
        <translation>Audit-Einträge können nicht an den Kollektor %1 gesendet werden (der Versandstand passt nicht zu diesem Audit-Protokoll). Sie bleiben im lokalen Audit-Protokoll.</translation>
    </message>
    <message>
        <source>The audit collector %1 cannot be reached (%2). Audit records are kept and sent when it is back.</source>
        <translation>Der Audit-Kollektor %1 ist nicht erreichbar (%2). Audit-Einträge werden aufbewahrt und gesendet, sobald er wieder da ist.</translation>
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
    <message>
        <source>%1: signing in again…</source>
        <translation>%1: erneute Anmeldung läuft…</translation>
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
    <message>
        <source>Sign-in &amp;provider (OpenID Connect issuer):</source>
        <translation>A&amp;nmeldeanbieter (Issuer für OpenID Connect):</translation>
    </message>
    <message>
        <source>Sign-in provider</source>
        <translation>Anmeldeanbieter</translation>
    </message>
    <message>
        <source>Takes effect at the next start. Empty: archives are asked without signing in.</source>
        <translation>Wirkt ab dem nächsten Start. Leer: Archive werden ohne Anmeldung abgefragt.</translation>
    </message>
    <message>
        <source>Client &amp;ID at the provider:</source>
        <translation>Client-&amp;ID beim Anbieter:</translation>
    </message>
    <message>
        <source>Client ID at the provider</source>
        <translation>Client-ID beim Anbieter</translation>
    </message>
    <message>
        <source>Lock after &amp;inactivity:</source>
        <translation>Sperren nach Inak&amp;tivität:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Sperren nach Inaktivität</translation>
    </message>
    <message>
        <source>Federation configuration</source>
        <translation>Verbundkonfiguration</translation>
    </message>
    <message>
        <source>Federation configuration (*.json)</source>
        <translation>Verbundkonfiguration (*.json)</translation>
    </message>
    <message>
        <source>The federation configuration cannot be read: %1</source>
        <translation>Die Verbundkonfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n hospitals</source>
        <translation>
            <numerusform>%1: %n Krankenhaus</numerusform>
            <numerusform>%1: %n Krankenhäuser</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Federation of hospitals:</source>
        <translation>Krankenhaus&amp;verbund:</translation>
    </message>
    <message>
        <source>Federation configuration file</source>
        <translation>Datei der Verbundkonfiguration</translation>
    </message>
    <message>
        <source>Takes effect at the next start.</source>
        <translation>Wirkt beim nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Krankenhaus</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>DICOMweb</source>
        <translation>DICOMweb</translation>
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
    <name>fenestra::net::LoopbackReceiver</name>
    <message>
        <source>the browser did not come back from the identity provider within %1 s</source>
        <translation>der Browser ist nicht innerhalb von %1 s vom Identitätsanbieter zurückgekehrt</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1 for the login: %1</source>
        <translation>Empfang auf 127.0.0.1 für die Anmeldung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Nicht erlaubt</translation>
    </message>
    <message>
        <source>This address only accepts the login redirect.</source>
        <translation>Diese Adresse akzeptiert nur die Weiterleitung der Anmeldung.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Login not accepted</source>
        <translation>Anmeldung nicht akzeptiert</translation>
    </message>
    <message>
        <source>This login answer does not belong to the login started in Fenestra. Start the login again from Fenestra.</source>
        <translation>Diese Anmeldeantwort gehört nicht zu der in Fenestra gestarteten Anmeldung. Starten Sie die Anmeldung erneut aus Fenestra.</translation>
    </message>
    <message>
        <source>the login answer&apos;s state does not match the login request</source>
        <translation>der State der Anmeldeantwort passt nicht zur Anmeldeanfrage</translation>
    </message>
    <message>
        <source>the identity provider refused the login: %1</source>
        <translation>der Identitätsanbieter hat die Anmeldung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The identity provider did not sign you in. Return to Fenestra for details.</source>
        <translation>Der Identitätsanbieter hat Sie nicht angemeldet. Details finden Sie in Fenestra.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>You are signed in to Fenestra. You can close this page and return to Fenestra.</source>
        <translation>Sie sind bei Fenestra angemeldet. Sie können diese Seite schließen und zu Fenestra zurückkehren.</translation>
    </message>
</context>
<context>
    <name>fenestra::net::Tls</name>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Die Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The client certificate %1 is neither a PEM nor a PKCS#12 file.</source>
        <translation>Das Client-Zertifikat %1 ist weder eine PEM- noch eine PKCS#12-Datei.</translation>
    </message>
    <message>
        <source>The client certificate %1 needs its password.</source>
        <translation>Das Client-Zertifikat %1 benötigt sein Passwort.</translation>
    </message>
    <message>
        <source>The password of the client certificate %1 is wrong.</source>
        <translation>Das Passwort des Client-Zertifikats %1 ist falsch.</translation>
    </message>
    <message>
        <source>The client certificate %1 holds no usable certificate and key.</source>
        <translation>Das Client-Zertifikat %1 enthält kein verwendbares Zertifikat mit Schlüssel.</translation>
    </message>
    <message>
        <source>The private key %1 needs its password.</source>
        <translation>Der private Schlüssel %1 benötigt sein Passwort.</translation>
    </message>
    <message>
        <source>The password of the private key %1 is wrong.</source>
        <translation>Das Passwort des privaten Schlüssels %1 ist falsch.</translation>
    </message>
    <message>
        <source>The file %1 holds no private key for the client certificate.</source>
        <translation>Die Datei %1 enthält keinen privaten Schlüssel für das Client-Zertifikat.</translation>
    </message>
    <message>
        <source>The file %1 holds no certificate.</source>
        <translation>Die Datei %1 enthält kein Zertifikat.</translation>
    </message>
    <message>
        <source>The client certificate %1 holds no private key: choose its key file.</source>
        <translation>Das Client-Zertifikat %1 enthält keinen privaten Schlüssel: Wählen Sie seine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>The private key does not belong to the client certificate %1.</source>
        <translation>Der private Schlüssel gehört nicht zum Client-Zertifikat %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SHA-256 fingerprint in base64 (44 characters).</source>
        <translation>„%1“ ist kein SHA-256-Fingerabdruck in base64 (44 Zeichen).</translation>
    </message>
    <message>
        <source>The key of the server %1 does not match the pin set for this archive (expected SHA-256 %2, received %3). The connection was closed before anything was sent.</source>
        <translation>Der Schlüssel des Servers %1 passt nicht zu dem für dieses Archiv festgelegten Pin (erwartet SHA-256 %2, erhalten %3). Die Verbindung wurde geschlossen, bevor etwas gesendet wurde.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: it was issued by &quot;%2&quot;, an authority this archive does not trust. If the archive is genuine, add its authority (CA bundle) in the archive&apos;s settings.</source>
        <translation>Das Zertifikat von %1 ist nicht vertrauenswürdig: Es wurde von „%2“ ausgestellt, einer Zertifizierungsstelle, der dieses Archiv nicht vertraut. Wenn das Archiv echt ist, fügen Sie seine Zertifizierungsstelle (CA-Bundle) in den Einstellungen des Archivs hinzu.</translation>
    </message>
    <message>
        <source>The certificate presented by %1 is for %2, not for %1.</source>
        <translation>Das von %1 vorgelegte Zertifikat gilt für %2, nicht für %1.</translation>
    </message>
    <message>
        <source>The certificate of %1 expired on %2.</source>
        <translation>Das Zertifikat von %1 ist am %2 abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid before %2.</source>
        <translation>Das Zertifikat von %1 ist erst ab %2 gültig.</translation>
    </message>
    <message>
        <source>The certificate of %1 was refused: %2.</source>
        <translation>Das Zertifikat von %1 wurde abgelehnt: %2.</translation>
    </message>
    <message>
        <source>The certificate of %1 was refused.</source>
        <translation>Das Zertifikat von %1 wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The archive %1 offers only a TLS version older than 1.2, which is refused as insecure.</source>
        <translation>Das Archiv %1 bietet nur eine TLS-Version älter als 1.2 an, die als unsicher abgelehnt wird.</translation>
    </message>
    <message>
        <source>The archive %1 requires a client certificate, and none is set in the archive&apos;s settings.</source>
        <translation>Das Archiv %1 verlangt ein Client-Zertifikat, aber in den Einstellungen des Archivs ist keines festgelegt.</translation>
    </message>
    <message>
        <source>The archive %1 refused our client certificate.</source>
        <translation>Das Archiv %1 hat unser Client-Zertifikat abgelehnt.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen.</translation>
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
    <name>fenestra::viewer::MprView</name>
    <message>
        <source>%1 reformat</source>
        <translation>Rekonstruktion: %1</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Koronal</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>%1 (oblique)</source>
        <translation>%1 (schräg)</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MinIP</source>
        <translation>MinIP</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>%1, %2 %3 mm</source>
        <translation>%1, %2 %3 mm</translation>
    </message>
    <message>
        <source>Reformat</source>
        <translation>Rekonstruktion</translation>
    </message>
</context>
<context>
    <name>fenestra::viewer::TransferFunction</name>
    <message>
        <source>CT bone</source>
        <translation>CT Knochen</translation>
    </message>
    <message>
        <source>CT soft tissue</source>
        <translation>CT Weichteile</translation>
    </message>
    <message>
        <source>CT vessels</source>
        <translation>CT Gefäße</translation>
    </message>
    <message>
        <source>MR default</source>
        <translation>MRT Standard</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
</context>
<context>
    <name>fenestra::viewer::TransferFunctionEditor</name>
    <message>
        <source>Drag a point to move it, double-click to add one, right-click to delete it. Double-click a colour point to change its colour.</source>
        <translation>Ziehen Sie einen Punkt, um ihn zu verschieben, doppelklicken Sie, um einen hinzuzufügen, und klicken Sie mit der rechten Maustaste, um ihn zu löschen. Doppelklicken Sie auf einen Farbpunkt, um seine Farbe zu ändern.</translation>
    </message>
    <message>
        <source>Colour of the point</source>
        <translation>Farbe des Punkts</translation>
    </message>
</context>
<context>
    <name>fenestra::viewer::VolumeView</name>
    <message>
        <source>MinIP</source>
        <translation>MinIP</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Anterior</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Posterior</source>
        <translation>Posterior</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Superior</source>
        <translation>Kranial</translation>
    </message>
    <message>
        <source>Inferior</source>
        <translation>Kaudal</translation>
    </message>
    <message>
        <source>View from</source>
        <translation>Ansicht von</translation>
    </message>
    <message>
        <source>Shading</source>
        <translation>Schattierung</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit the opacity and colour points</source>
        <translation>Opazitäts- und Farbpunkte bearbeiten</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Front view of the whole volume</source>
        <translation>Vorderansicht des gesamten Volumens</translation>
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
