<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>ErrorText</name>
    <message>
        <source>The file does not exist.</source>
        <translation>Le fichier n'existe pas.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <source>This is not a DICOM file.</source>
        <translation>Ce n'est pas un fichier DICOM.</translation>
    </message>
    <message>
        <source>The file is incomplete (truncated).</source>
        <translation>Le fichier est incomplet (tronqué).</translation>
    </message>
    <message>
        <source>The DICOM data is malformed.</source>
        <translation>Les données DICOM sont mal formées.</translation>
    </message>
    <message>
        <source>A required DICOM attribute is missing.</source>
        <translation>Un attribut DICOM obligatoire est absent.</translation>
    </message>
    <message>
        <source>The image compression (transfer syntax) is not supported.</source>
        <translation>La compression de l'image (syntaxe de transfert) n'est pas prise en charge.</translation>
    </message>
    <message>
        <source>The pixel format is not supported.</source>
        <translation>Le format des pixels n'est pas pris en charge.</translation>
    </message>
    <message>
        <source>The image data cannot be decoded.</source>
        <translation>Les données de l'image ne peuvent pas être décodées.</translation>
    </message>
    <message>
        <source>This object has no image.</source>
        <translation>Cet objet ne contient pas d'image.</translation>
    </message>
    <message>
        <source>The requested image does not exist.</source>
        <translation>L'image demandée n'existe pas.</translation>
    </message>
    <message>
        <source>The image does not match the geometry of its series.</source>
        <translation>L'image ne correspond pas à la géométrie de sa série.</translation>
    </message>
    <message>
        <source>The archive cannot be read.</source>
        <translation>L'archive ne peut pas être lue.</translation>
    </message>
    <message>
        <source>The DICOMDIR of this medium is invalid.</source>
        <translation>Le DICOMDIR de ce support n'est pas valide.</translation>
    </message>
    <message>
        <source>The series was not found.</source>
        <translation>La série est introuvable.</translation>
    </message>
    <message>
        <source>The output cannot be written.</source>
        <translation>La sortie ne peut pas être écrite.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>L'opération a été annulée.</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>Erreur inconnue.</translation>
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
        <translation>fenestra export : aucune image dans la série %1</translation>
    </message>
    <message>
        <source>fenestra export: image %1 out of range 1..%2</source>
        <translation>fenestra export : l'image %1 est hors de l'intervalle 1..%2</translation>
    </message>
    <message>
        <source>fenestra export: %1: %2</source>
        <translation>fenestra export : %1 : %2</translation>
    </message>
    <message>
        <source>fenestra export: cannot write %1</source>
        <translation>fenestra export : impossible d'écrire %1</translation>
    </message>
    <message>
        <source>Render one image of a series to PNG or JPEG.</source>
        <translation>Produit une image d'une série au format PNG ou JPEG.</translation>
    </message>
    <message>
        <source>Files, folders, DICOMDIR or zip archives.</source>
        <translation>Fichiers, dossiers, DICOMDIR ou archives zip.</translation>
    </message>
    <message>
        <source>Series Instance UID.</source>
        <translation>UID d'instance de la série.</translation>
    </message>
    <message>
        <source>Image number in display order, from 1.</source>
        <translation>Numéro de l'image dans l'ordre d'affichage, à partir de 1.</translation>
    </message>
    <message>
        <source>Window center and width.</source>
        <translation>Centre et largeur de la fenêtre.</translation>
    </message>
    <message>
        <source>Output image file.</source>
        <translation>Fichier image de sortie.</translation>
    </message>
    <message>
        <source>usage: fenestra export PATH... --series UID [--frame N] [--window CENTER,WIDTH] --out FILE.png</source>
        <translation>usage : fenestra export CHEMIN... --series UID [--frame N] [--window CENTRE,LARGEUR] --out FICHIER.png</translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <source>Display set %1: %2 x %3, %4 frames, %5</source>
        <translation>Ensemble d'affichage %1 : %2 x %3, %4 images, %5</translation>
    </message>
    <message>
        <source>, spacing %1 x %2 x %3 mm, normal (%4, %5, %6)</source>
        <translation>, espacement %1 x %2 x %3 mm, normale (%4, %5, %6)</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>lacune</translation>
    </message>
    <message>
        <source>irregular spacing</source>
        <translation>espacement irrégulier</translation>
    </message>
    <message>
        <source>duplicate position</source>
        <translation>position en double</translation>
    </message>
    <message>
        <source>; %1 after frame %2: %3 mm (expected %4 mm)</source>
        <translation>; %1 après l'image %2 : %3 mm (attendu %4 mm)</translation>
    </message>
    <message>
        <source>Series %1 %2 "%3" %4: %5 objects</source>
        <translation>Série %1 %2 « %3 » %4 : %5 objets</translation>
    </message>
    <message>
        <source>%1 (no pixels): %2</source>
        <translation>%1 (sans pixels) : %2</translation>
    </message>
    <message>
        <source>Patient %1, ID %2, born %3, sex %4</source>
        <translation>Patient %1, ID %2, né(e) le %3, sexe %4</translation>
    </message>
    <message>
        <source>Study %1 "%2" %3</source>
        <translation>Étude %1 « %2 » %3</translation>
    </message>
    <message>
        <source>%1 duplicate objects ignored</source>
        <translation>%1 objets en double ignorés</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement : %1</translation>
    </message>
    <message>
        <source>Error: %1: %2</source>
        <translation>Erreur : %1 : %2</translation>
    </message>
    <message>
        <source>Describe DICOM files, folders, media and archives.</source>
        <translation>Décrit des fichiers, dossiers, supports et archives DICOM.</translation>
    </message>
    <message>
        <source>Files, folders, DICOMDIR or zip archives.</source>
        <translation>Fichiers, dossiers, DICOMDIR ou archives zip.</translation>
    </message>
    <message>
        <source>Print JSON with frame hashes.</source>
        <translation>Affiche du JSON avec les empreintes des images.</translation>
    </message>
    <message>
        <source>fenestra info: no path given</source>
        <translation>fenestra info : aucun chemin indiqué</translation>
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
        <translation>Patient / étude / série</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Study browser</source>
        <translation>Navigateur d'études</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Études</translation>
    </message>
    <message>
        <source>Files that could not be opened</source>
        <translation>Fichiers qui n'ont pas pu être ouverts</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open files...</source>
        <translation>&amp;Ouvrir des fichiers...</translation>
    </message>
    <message>
        <source>Open DICOM files</source>
        <translation>Ouvrir des fichiers DICOM</translation>
    </message>
    <message>
        <source>Open &amp;folder...</source>
        <translation>Ouvrir un &amp;dossier...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open a folder or CD</source>
        <translation>Ouvrir un dossier ou un CD</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Opening...</source>
        <translation>Ouverture...</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n objects opened</source>
        <translation><numerusform>%n objet ouvert</numerusform><numerusform>%n objets ouverts</numerusform></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Files, folders, DICOMDIR or zip archives to open.</source>
        <translation>Fichiers, dossiers, DICOMDIR ou archives zip à ouvrir.</translation>
    </message>
    <message>
        <source>Save a screenshot of the window and quit.</source>
        <translation>Enregistre une capture de la fenêtre et quitte.</translation>
    </message>
</context>
<context>
    <name>fenestra::app::StackView</name>
    <message>
        <source>Image stack</source>
        <translation>Pile d'images</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>Image %1 sur %2</translation>
    </message>
    <message>
        <source>This image cannot be shown: %1</source>
        <translation>Cette image ne peut pas être affichée : %1</translation>
    </message>
</context>
</TS>