<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ErrorText</name>
    <message>
        <source>The file does not exist.</source>
        <translation>Le fichier n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <source>This is not a DICOM file.</source>
        <translation>Ce n&apos;est pas un fichier DICOM.</translation>
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
        <translation>La compression de l&apos;image (syntaxe de transfert) n&apos;est pas prise en charge.</translation>
    </message>
    <message>
        <source>The pixel format is not supported.</source>
        <translation>Le format des pixels n&apos;est pas pris en charge.</translation>
    </message>
    <message>
        <source>The image data cannot be decoded.</source>
        <translation>Les données de l&apos;image ne peuvent pas être décodées.</translation>
    </message>
    <message>
        <source>This object has no image.</source>
        <translation>Cet objet ne contient pas d&apos;image.</translation>
    </message>
    <message>
        <source>The requested image does not exist.</source>
        <translation>L&apos;image demandée n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The image does not match the geometry of its series.</source>
        <translation>L&apos;image ne correspond pas à la géométrie de sa série.</translation>
    </message>
    <message>
        <source>The archive cannot be read.</source>
        <translation>L&apos;archive ne peut pas être lue.</translation>
    </message>
    <message>
        <source>The DICOMDIR of this medium is invalid.</source>
        <translation>Le DICOMDIR de ce support n&apos;est pas valide.</translation>
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
        <translation>L&apos;opération a été annulée.</translation>
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
        <translation>fenestra export : l&apos;image %1 est hors de l&apos;intervalle 1..%2</translation>
    </message>
    <message>
        <source>fenestra export: %1: %2</source>
        <translation>fenestra export : %1 : %2</translation>
    </message>
    <message>
        <source>fenestra export: cannot write %1</source>
        <translation>fenestra export : impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Files, folders, DICOMDIR or zip archives.</source>
        <translation>Fichiers, dossiers, DICOMDIR ou archives zip.</translation>
    </message>
    <message>
        <source>Series Instance UID.</source>
        <translation>UID d&apos;instance de la série.</translation>
    </message>
    <message>
        <source>Image number in display order, from 1.</source>
        <translation>Numéro de l&apos;image dans l&apos;ordre d&apos;affichage, à partir de 1.</translation>
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
    <message>
        <source>fenestra export: series %1 is not a volume (it needs parallel, evenly spaced slices); --plane cannot reformat it</source>
        <translation>fenestra export : la série %1 n&apos;est pas un volume (il faut des coupes parallèles et régulièrement espacées) ; --plane ne peut pas la reformater</translation>
    </message>
    <message>
        <source>fenestra export: %1</source>
        <translation>fenestra export : %1</translation>
    </message>
    <message>
        <source>fenestra export: offset %1 mm is outside the volume (-%2..%2 mm)</source>
        <translation>fenestra export : le décalage de %1 mm est hors du volume (-%2..%2 mm)</translation>
    </message>
    <message>
        <source>Reformat the series&apos; volume on a patient plane: axial, coronal or sagittal.</source>
        <translation>Reformater le volume de la série sur un plan du patient : axial, coronal ou sagittal.</translation>
    </message>
    <message>
        <source>Move the plane this far along its normal from the volume centre, in mm.</source>
        <translation>Déplacer le plan de cette distance le long de sa normale depuis le centre du volume, en mm.</translation>
    </message>
    <message>
        <source>Thick slab of this thickness, in mm (needs --slab-mode).</source>
        <translation>Coupe épaisse de cette épaisseur, en mm (nécessite --slab-mode).</translation>
    </message>
    <message>
        <source>How the slab combines: max, min or mean.</source>
        <translation>Combinaison de la coupe épaisse : max, min ou mean.</translation>
    </message>
    <message>
        <source>fenestra export: --slab and --slab-mode go together</source>
        <translation>fenestra export : --slab et --slab-mode vont ensemble</translation>
    </message>
    <message>
        <source>fenestra export: --slab needs a positive thickness in mm, not &apos;%1&apos;</source>
        <translation>fenestra export : --slab attend une épaisseur positive en mm, pas « %1 »</translation>
    </message>
    <message>
        <source>fenestra export: unknown slab mode &apos;%1&apos; (max, min or mean)</source>
        <translation>fenestra export : mode de coupe épaisse inconnu « %1 » (max, min ou mean)</translation>
    </message>
    <message>
        <source>fenestra export: --offset, --slab and --slab-mode need --plane</source>
        <translation>fenestra export : --offset, --slab et --slab-mode nécessitent --plane</translation>
    </message>
    <message>
        <source>fenestra export: unknown plane &apos;%1&apos; (axial, coronal or sagittal)</source>
        <translation>fenestra export : plan inconnu « %1 » (axial, coronal ou sagittal)</translation>
    </message>
    <message>
        <source>fenestra export: --frame and --plane exclude each other</source>
        <translation>fenestra export : --frame et --plane s&apos;excluent mutuellement</translation>
    </message>
    <message>
        <source>fenestra export: --offset needs a number of mm, not &apos;%1&apos;</source>
        <translation>fenestra export : --offset attend un nombre de mm, pas « %1 »</translation>
    </message>
    <message>
        <source>       fenestra export PATH... --series UID --plane axial|coronal|sagittal [--offset MM] [--slab MM --slab-mode max|min|mean] [--window CENTER,WIDTH] --out FILE.png</source>
        <translation>       fenestra export CHEMIN... --series UID --plane axial|coronal|sagittal [--offset MM] [--slab MM --slab-mode max|min|mean] [--window CENTRE,LARGEUR] --out FICHIER.png</translation>
    </message>
    <message>
        <source>Render one image of a series, or a reformat of its volume, to PNG or JPEG.</source>
        <translation>Rendre une image d&apos;une série, ou un reformatage de son volume, en PNG ou JPEG.</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Nothing to export: the image is not loaded.</source>
        <translation>Rien à exporter : l&apos;image n&apos;est pas chargée.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Nothing to export: the view is empty.</source>
        <translation>Rien à exporter : la vue est vide.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Exportation annulée.</translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <source>Display set %1: %2 x %3, %4 frames, %5</source>
        <translation>Ensemble d&apos;affichage %1 : %2 x %3, %4 images, %5</translation>
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
        <translation>; %1 après l&apos;image %2 : %3 mm (attendu %4 mm)</translation>
    </message>
    <message>
        <source>Series %1 %2 &quot;%3&quot; %4: %5 objects</source>
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
        <source>Study %1 &quot;%2&quot; %3</source>
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
    <name>fenestra::app::ArchiveSettings</name>
    <message>
        <source>The archive address is not valid.</source>
        <translation>L&apos;adresse de l&apos;archive n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>The archive cannot be reached.</source>
        <translation>L&apos;archive est injoignable.</translation>
    </message>
    <message>
        <source>The archive did not answer in time.</source>
        <translation>L&apos;archive n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The secure connection to the archive failed.</source>
        <translation>La connexion sécurisée à l&apos;archive a échoué.</translation>
    </message>
    <message>
        <source>The archive answered with an error.</source>
        <translation>L&apos;archive a répondu par une erreur.</translation>
    </message>
    <message>
        <source>The archive requires you to sign in.</source>
        <translation>L&apos;archive exige une authentification.</translation>
    </message>
    <message>
        <source>The archive refused access.</source>
        <translation>L&apos;archive a refusé l&apos;accès.</translation>
    </message>
    <message>
        <source>The archive&apos;s answer cannot be read.</source>
        <translation>La réponse de l&apos;archive ne peut pas être lue.</translation>
    </message>
    <message>
        <source>The archive&apos;s answer was cut short.</source>
        <translation>La réponse de l&apos;archive est incomplète (interrompue).</translation>
    </message>
    <message>
        <source>Part of the archive&apos;s answer is malformed.</source>
        <translation>Une partie de la réponse de l&apos;archive est mal formée.</translation>
    </message>
    <message>
        <source>The request is not valid.</source>
        <translation>La requête n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>L&apos;opération a été annulée.</translation>
    </message>
    <message>
        <source>The images are not in the local cache.</source>
        <translation>Les images ne sont pas dans le cache local.</translation>
    </message>
    <message>
        <source>A cached image failed its integrity check.</source>
        <translation>Une image du cache a échoué au contrôle d&apos;intégrité.</translation>
    </message>
    <message>
        <source>The local cache cannot be read or written.</source>
        <translation>Le cache local ne peut être ni lu ni écrit.</translation>
    </message>
    <message>
        <source>The image is larger than the whole local cache.</source>
        <translation>L&apos;image est plus grande que la totalité du cache local.</translation>
    </message>
    <message>
        <source>The local cache cannot be encrypted or decrypted.</source>
        <translation>Le cache local ne peut être ni chiffré ni déchiffré.</translation>
    </message>
    <message>
        <source>No system keyring is available for the cache key.</source>
        <translation>Aucun trousseau de clés du système n&apos;est disponible pour la clé du cache.</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>Erreur inconnue.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>An archive with this name already exists.</source>
        <translation>Une archive portant ce nom existe déjà.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>DICOMweb URL</source>
        <translation>URL DICOMweb</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archives</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>DICOMweb &amp;URL:</source>
        <translation>&amp;URL DICOMweb :</translation>
    </message>
    <message>
        <source>Archive name</source>
        <translation>Nom de l&apos;archive</translation>
    </message>
    <message>
        <source>Archive DICOMweb URL</source>
        <translation>URL DICOMweb de l&apos;archive</translation>
    </message>
    <message>
        <source>Shown in the search results</source>
        <translation>Affiché dans les résultats de recherche</translation>
    </message>
    <message>
        <source>Archive error</source>
        <translation>Erreur d&apos;archive</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>Modi&amp;fier</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Add archive</source>
        <translation>Ajouter une archive</translation>
    </message>
    <message>
        <source>Change selected archive</source>
        <translation>Modifier l&apos;archive sélectionnée</translation>
    </message>
    <message>
        <source>Remove selected archive</source>
        <translation>Retirer l&apos;archive sélectionnée</translation>
    </message>
</context>
<context>
    <name>fenestra::app::ExportDialog</name>
    <message>
        <source>Export images</source>
        <translation>Exporter des images</translation>
    </message>
    <message>
        <source>The &amp;view as shown</source>
        <translation>La &amp;vue telle qu&apos;affichée</translation>
    </message>
    <message>
        <source>Every image of the &amp;series</source>
        <translation>Toutes les images de la &amp;série</translation>
    </message>
    <message>
        <source>PNG (lossless)</source>
        <translation>PNG (sans perte)</translation>
    </message>
    <message>
        <source>JPEG</source>
        <translation>JPEG</translation>
    </message>
    <message>
        <source>Image format</source>
        <translation>Format d&apos;image</translation>
    </message>
    <message>
        <source>Include &amp;annotations and measurements</source>
        <translation>Inclure les &amp;annotations et les mesures</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Parcourir...</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Destination :</translation>
    </message>
    <message>
        <source>Export the series into</source>
        <translation>Exporter la série dans</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>Exporter la vue</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>JPEG images (*.jpg *.jpeg)</source>
        <translation>Images JPEG (*.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>fenestra::app::HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1 : %2, %3</translation>
    </message>
    <message>
        <source>Press Esc or F1 to close</source>
        <translation>Appuyez sur Échap ou F1 pour fermer</translation>
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
        <translation>Navigateur d&apos;études</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Études</translation>
    </message>
    <message>
        <source>Files that could not be opened</source>
        <translation>Fichiers qui n&apos;ont pas pu être ouverts</translation>
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
    <message>
        <source>Series thumbnails</source>
        <translation>Miniatures des séries</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Séries</translation>
    </message>
    <message numerus="yes">
        <source>%n objects</source>
        <translation>
            <numerusform>%n objet</numerusform>
            <numerusform>%n objets</numerusform>
        </translation>
    </message>
    <message>
        <source>Open &amp;folder or CD...</source>
        <translation>Ouvrir un &amp;dossier ou un CD...</translation>
    </message>
    <message>
        <source>Open &amp;zip archive...</source>
        <translation>Ouvrir une archive &amp;zip...</translation>
    </message>
    <message>
        <source>&amp;Close all studies</source>
        <translation>&amp;Fermer toutes les études</translation>
    </message>
    <message>
        <source>&amp;Export images...</source>
        <translation>&amp;Exporter des images...</translation>
    </message>
    <message>
        <source>&amp;Copy view to clipboard</source>
        <translation>&amp;Copier la vue dans le presse-papiers</translation>
    </message>
    <message>
        <source>View copied to the clipboard</source>
        <translation>Vue copiée dans le presse-papiers</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Paramètres...</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Disposition</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Fenestra</source>
        <translation>À &amp;propos de Fenestra</translation>
    </message>
    <message>
        <source>About Fenestra</source>
        <translation>À propos de Fenestra</translation>
    </message>
    <message>
        <source>Fenestra %1: a DICOM viewer and cross-hospital query client.</source>
        <translation>Fenestra %1 : visionneuse DICOM et client de recherche inter-hôpitaux.</translation>
    </message>
    <message>
        <source>Show &amp;annotations</source>
        <translation>Afficher les &amp;annotations</translation>
    </message>
    <message>
        <source>Smooth &amp;interpolation</source>
        <translation>&amp;Interpolation lissée</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>Ajuster à la &amp;fenêtre</translation>
    </message>
    <message>
        <source>Actual &amp;pixels (1:1)</source>
        <translation>&amp;Pixels réels (1:1)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Zoom avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Rotate clockwise</source>
        <translation>Rotation &amp;horaire</translation>
    </message>
    <message>
        <source>Rotate &amp;counter-clockwise</source>
        <translation>Rotation an&amp;tihoraire</translation>
    </message>
    <message>
        <source>Flip &amp;horizontally</source>
        <translation>Ret&amp;ourner horizontalement</translation>
    </message>
    <message>
        <source>Flip &amp;vertically</source>
        <translation>Retourner &amp;verticalement</translation>
    </message>
    <message>
        <source>In&amp;vert greys</source>
        <translation>Inverser les niveaux de &amp;gris</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>Image &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>Image pré&amp;cédente</translation>
    </message>
    <message>
        <source>Ten images forward</source>
        <translation>Avancer de dix images</translation>
    </message>
    <message>
        <source>Ten images back</source>
        <translation>Reculer de dix images</translation>
    </message>
    <message>
        <source>First image</source>
        <translation>Première image</translation>
    </message>
    <message>
        <source>Last image</source>
        <translation>Dernière image</translation>
    </message>
    <message>
        <source>Play or pause &amp;cine</source>
        <translation>&amp;Lecture ou pause du ciné</translation>
    </message>
    <message>
        <source>Cine &amp;faster</source>
        <translation>Ciné plus rapi&amp;de</translation>
    </message>
    <message>
        <source>Cine &amp;slower</source>
        <translation>Ciné plus le&amp;nt</translation>
    </message>
    <message>
        <source>One view (1x1)</source>
        <translation>Une vue (1x1)</translation>
    </message>
    <message>
        <source>Side by side (1x2)</source>
        <translation>Côte à côte (1x2)</translation>
    </message>
    <message>
        <source>Above each other (2x1)</source>
        <translation>L&apos;une au-dessus de l&apos;autre (2x1)</translation>
    </message>
    <message>
        <source>Four views (2x2)</source>
        <translation>Quatre vues (2x2)</translation>
    </message>
    <message>
        <source>Nine views (3x3)</source>
        <translation>Neuf vues (3x3)</translation>
    </message>
    <message>
        <source>Synchronize &amp;scrolling</source>
        <translation>Synchroniser le &amp;défilement</translation>
    </message>
    <message>
        <source>Synchronize &amp;pan and zoom</source>
        <translation>Synchroniser le dé&amp;placement et le zoom</translation>
    </message>
    <message>
        <source>&amp;Reference lines</source>
        <translation>&amp;Lignes de référence</translation>
    </message>
    <message>
        <source>Next &amp;view</source>
        <translation>&amp;Vue suivante</translation>
    </message>
    <message>
        <source>&amp;Scroll</source>
        <translation>&amp;Défilement</translation>
    </message>
    <message>
        <source>&amp;Window/level</source>
        <translation>&amp;Fenêtrage</translation>
    </message>
    <message>
        <source>&amp;Zoom</source>
        <translation>&amp;Zoom</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>Dé&amp;placement</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Longueur</translation>
    </message>
    <message>
        <source>&amp;Angle</source>
        <translation>&amp;Angle</translation>
    </message>
    <message>
        <source>&amp;Ellipse ROI</source>
        <translation>ROI &amp;elliptique</translation>
    </message>
    <message>
        <source>&amp;Rectangle ROI</source>
        <translation>ROI &amp;rectangulaire</translation>
    </message>
    <message>
        <source>Pixel &amp;probe</source>
        <translation>&amp;Sonde de pixel</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Texte</translation>
    </message>
    <message>
        <source>A&amp;rrow</source>
        <translation>Flè&amp;che</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>Window &amp;presets</source>
        <translation>Préré&amp;glages de fenêtrage</translation>
    </message>
    <message>
        <source>Window from the image</source>
        <translation>Fenêtrage d&apos;origine de l&apos;image</translation>
    </message>
    <message>
        <source>DICOM files (*.dcm *.DCM DICOMDIR *);;Zip archives (*.zip)</source>
        <translation>Fichiers DICOM (*.dcm *.DCM DICOMDIR *);;Archives zip (*.zip)</translation>
    </message>
    <message>
        <source>Open a zip archive</source>
        <translation>Ouvrir une archive zip</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Archives zip (*.zip)</translation>
    </message>
    <message>
        <source>Open a series to export its images.</source>
        <translation>Ouvrez une série pour en exporter les images.</translation>
    </message>
    <message>
        <source>Exporting images...</source>
        <translation>Exportation des images...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export images</source>
        <translation>Exporter des images</translation>
    </message>
    <message>
        <source>Images exported</source>
        <translation>Images exportées</translation>
    </message>
    <message>
        <source>The saved measurements of this study cannot be read.</source>
        <translation>Les mesures enregistrées pour cette étude ne peuvent pas être lues.</translation>
    </message>
    <message>
        <source>The measurements could not be saved.</source>
        <translation>Les mesures n&apos;ont pas pu être enregistrées.</translation>
    </message>
    <message>
        <source>View layout: 1x1, 1x2, 2x1, 2x2 or 3x3.</source>
        <translation>Disposition des vues : 1x1, 1x2, 2x1, 2x2 ou 3x3.</translation>
    </message>
    <message>
        <source>The local image cache is empty.</source>
        <translation>Le cache local d&apos;images est vide.</translation>
    </message>
    <message>
        <source>Asking %1 for the series of the study...</source>
        <translation>Demande des séries de l&apos;étude à %1...</translation>
    </message>
    <message>
        <source>%1 cannot list the series of this study.</source>
        <translation>%1 ne peut pas lister les séries de cette étude.</translation>
    </message>
    <message>
        <source>%1 (archive)</source>
        <translation>%1 (archive)</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Receiving images: %1 of %2</source>
        <translation>Réception des images : %1 sur %2</translation>
    </message>
    <message>
        <source>Series received</source>
        <translation>Série reçue</translation>
    </message>
    <message>
        <source>The series cannot be loaded from the archive.</source>
        <translation>La série ne peut pas être chargée depuis l&apos;archive.</translation>
    </message>
    <message>
        <source>No keyring is available: images received from archives are kept for this session only.</source>
        <translation>Aucun trousseau de clés n&apos;est disponible : les images reçues des archives ne sont conservées que pour cette session.</translation>
    </message>
    <message>
        <source>A DICOMweb archive to search for this session (URL or NAME=URL).</source>
        <translation>Une archive DICOMweb à interroger pendant cette session (URL ou NOM=URL).</translation>
    </message>
    <message>
        <source>--archive %1: %2</source>
        <translation>--archive %1 : %2</translation>
    </message>
</context>
<context>
    <name>fenestra::app::MeasurementList</name>
    <message>
        <source>Double-click to edit the label</source>
        <translation>Double-cliquez pour modifier le libellé</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Angle</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Sonde de pixel</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Flèche</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected measurement</source>
        <translation>Supprimer la mesure sélectionnée</translation>
    </message>
</context>
<context>
    <name>fenestra::app::RecentItems</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un élément &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Clear recent</source>
        <translation>&amp;Effacer la liste</translation>
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
        <translation>Nom du &amp;patient :</translation>
    </message>
    <message>
        <source>Patient &amp;ID:</source>
        <translation>&amp;ID patient :</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>Date de &amp;naissance :</translation>
    </message>
    <message>
        <source>Study date &amp;from:</source>
        <translation>Date d&apos;étude &amp;depuis le :</translation>
    </message>
    <message>
        <source>Study date &amp;to:</source>
        <translation>Date d&apos;étude &amp;jusqu&apos;au :</translation>
    </message>
    <message>
        <source>&amp;Modality:</source>
        <translation>&amp;Modalité :</translation>
    </message>
    <message>
        <source>&amp;Accession number:</source>
        <translation>N° d&apos;&amp;accession :</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nom du patient</translation>
    </message>
    <message>
        <source>FAMILY^Given; * and ? are wildcards</source>
        <translation>NOM^Prénom ; * et ? sont des jokers</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID patient</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Study date from</source>
        <translation>Date d&apos;étude depuis le</translation>
    </message>
    <message>
        <source>Study date to</source>
        <translation>Date d&apos;étude jusqu&apos;au</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Indifférent</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>Accession number</source>
        <translation>Numéro d&apos;accession</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Search the archives</source>
        <translation>Rechercher dans les archives</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>Clear the search fields</source>
        <translation>Effacer les champs de recherche</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Date de l&apos;étude</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalités</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>N° d&apos;accession</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de recherche</translation>
    </message>
    <message>
        <source>&amp;More results</source>
        <translation>Plus de résul&amp;tats</translation>
    </message>
    <message>
        <source>Fetch more results</source>
        <translation>Charger plus de résultats</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open the selected study</source>
        <translation>Ouvrir l&apos;étude sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Keep in local library</source>
        <translation>&amp;Conserver dans la bibliothèque locale</translation>
    </message>
    <message>
        <source>Keep the selected study in the local library</source>
        <translation>Conserver l&apos;étude sélectionnée dans la bibliothèque locale</translation>
    </message>
    <message>
        <source>%1: ready</source>
        <translation>%1 : disponible</translation>
    </message>
    <message>
        <source>%1: searching…</source>
        <translation>%1 : recherche en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%1: studies so far: %n, more available</source>
        <translation>
            <numerusform>%1 : %n étude pour l&apos;instant, d&apos;autres sont disponibles</numerusform>
            <numerusform>%1 : %n études pour l&apos;instant, d&apos;autres sont disponibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: studies found: %n</source>
        <translation>
            <numerusform>%1 : %n étude trouvée</numerusform>
            <numerusform>%1 : %n études trouvées</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: error: %2</source>
        <translation>%1 : erreur : %2</translation>
    </message>
    <message>
        <source>Status of archive %1</source>
        <translation>État de l&apos;archive %1</translation>
    </message>
</context>
<context>
    <name>fenestra::app::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Show &amp;annotations in new views</source>
        <translation>Afficher les &amp;annotations dans les nouvelles vues</translation>
    </message>
    <message>
        <source>&amp;Smooth images (linear interpolation)</source>
        <translation>Li&amp;sser les images (interpolation linéaire)</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> images/s</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Cine rate when the images give none:</source>
        <translation>&amp;Cadence du ciné si les images n&apos;en indiquent pas :</translation>
    </message>
    <message>
        <source>&amp;Memory for decoded images:</source>
        <translation>&amp;Mémoire pour les images décodées :</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Show annotations in new views</source>
        <translation>Afficher les annotations dans les nouvelles vues</translation>
    </message>
    <message>
        <source>Smooth images</source>
        <translation>Lisser les images</translation>
    </message>
    <message>
        <source>Cine rate when the images give none</source>
        <translation>Cadence du ciné si les images n&apos;en indiquent pas</translation>
    </message>
    <message>
        <source>Memory for decoded images</source>
        <translation>Mémoire pour les images décodées</translation>
    </message>
    <message>
        <source>Clear the local image cache</source>
        <translation>Vider le cache local d&apos;images</translation>
    </message>
    <message>
        <source>Remove every image received from the archives from this computer?</source>
        <translation>Supprimer de cet ordinateur toutes les images reçues des archives ?</translation>
    </message>
    <message>
        <source>Archives (DICOMweb):</source>
        <translation>Archives (DICOMweb) :</translation>
    </message>
    <message>
        <source>&amp;Clear the local image cache...</source>
        <translation>&amp;Vider le cache local d&apos;images...</translation>
    </message>
    <message>
        <source>Parallel &amp;transfers per series:</source>
        <translation>&amp;Transferts parallèles par série :</translation>
    </message>
    <message>
        <source>Parallel transfers per series</source>
        <translation>Transferts parallèles par série</translation>
    </message>
    <message>
        <source>Local image cache on &amp;disk:</source>
        <translation>Cache local d&apos;images sur le &amp;disque :</translation>
    </message>
    <message>
        <source>Local image cache on disk</source>
        <translation>Cache local d&apos;images sur le disque</translation>
    </message>
</context>
<context>
    <name>fenestra::app::ThumbnailStrip</name>
    <message>
        <source>Series thumbnails</source>
        <translation>Miniatures des séries</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n images</source>
        <translation>
            <numerusform>%1
%n image</numerusform>
            <numerusform>%1
%n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>Série %1</translation>
    </message>
    <message>
        <source>%1 (part %2)</source>
        <translation>%1 (partie %2)</translation>
    </message>
</context>
<context>
    <name>fenestra::app::ViewGrid</name>
    <message>
        <source>Image views</source>
        <translation>Vues d&apos;images</translation>
    </message>
</context>
<context>
    <name>fenestra::viewer::ImageOverlay</name>
    <message>
        <source>ID: %1</source>
        <translation>ID : %1</translation>
    </message>
    <message>
        <source>Born: %1</source>
        <translation>Né(e) : %1</translation>
    </message>
    <message>
        <source>Sex: %1</source>
        <translation>Sexe : %1</translation>
    </message>
    <message>
        <source>Se: %1</source>
        <translation>Sé : %1</translation>
    </message>
    <message>
        <source>Laterality: %1</source>
        <translation>Latéralité : %1</translation>
    </message>
    <message>
        <source>Im: %1/%2</source>
        <translation>Im : %1/%2</translation>
    </message>
    <message>
        <source>Loc: %1 mm</source>
        <translation>Pos : %1 mm</translation>
    </message>
    <message>
        <source>Thk: %1 mm</source>
        <translation>Ép : %1 mm</translation>
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
        <translation>TR : %1 ms</translation>
    </message>
    <message>
        <source>TE: %1 ms</source>
        <translation>TE : %1 ms</translation>
    </message>
    <message>
        <source>W: %1 L: %2</source>
        <translation>L : %1 N : %2</translation>
    </message>
    <message>
        <source>VOI LUT</source>
        <translation>VOI LUT</translation>
    </message>
    <message>
        <source>Zoom: %1%</source>
        <translation>Zoom : %1 %</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>Inversé</translation>
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
        <translation>Le fichier de cette image n&apos;existe plus.</translation>
    </message>
    <message>
        <source>The file of this image cannot be read.</source>
        <translation>Le fichier de cette image ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The image data is incomplete (truncated).</source>
        <translation>Les données de l&apos;image sont incomplètes (tronquées).</translation>
    </message>
    <message>
        <source>The image compression is not supported.</source>
        <translation>La compression de l&apos;image n&apos;est pas prise en charge.</translation>
    </message>
    <message>
        <source>The pixel format is not supported.</source>
        <translation>Le format des pixels n&apos;est pas pris en charge.</translation>
    </message>
    <message>
        <source>This object has no image.</source>
        <translation>Cet objet ne contient pas d&apos;image.</translation>
    </message>
    <message>
        <source>The image data cannot be decoded.</source>
        <translation>Les données de l&apos;image ne peuvent pas être décodées.</translation>
    </message>
</context>
<context>
    <name>fenestra::viewer::ImageView</name>
    <message>
        <source>Image view</source>
        <translation>Vue d&apos;image</translation>
    </message>
    <message>
        <source>Window preset: %1</source>
        <translation>Préréglage de fenêtrage : %1</translation>
    </message>
    <message>
        <source>No images</source>
        <translation>Aucune image</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>Image %1 sur %2</translation>
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
        <translation>(espacement des pixels au détecteur)</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Chargement...</translation>
    </message>
    <message>
        <source>Outside the image</source>
        <translation>Hors de l&apos;image</translation>
    </message>
    <message>
        <source>RGB %1 %2 %3</source>
        <translation>RVB %1 %2 %3</translation>
    </message>
    <message>
        <source>(%1, %2, %3 mm)</source>
        <translation>(%1, %2, %3 mm)</translation>
    </message>
    <message>
        <source>No statistics for this image</source>
        <translation>Pas de statistiques pour cette image</translation>
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
        <translation>Moy %1 ÉT %2
Min %3 Max %4
Surface %5</translation>
    </message>
    <message>
        <source>Mean %1 SD %2 Min %3 Max %4 Area %5</source>
        <translation>Moy %1 ÉT %2 Min %3 Max %4 Surface %5</translation>
    </message>
    <message>
        <source>Text annotation</source>
        <translation>Annotation textuelle</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte :</translation>
    </message>
</context>
<context>
    <name>fenestra::viewer::WindowPreset</name>
    <message>
        <source>Brain</source>
        <translation>Cerveau</translation>
    </message>
    <message>
        <source>Subdural</source>
        <translation>Sous-dural</translation>
    </message>
    <message>
        <source>Stroke</source>
        <translation>AVC</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Poumon</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>Médiastin</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>Foie</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Os</translation>
    </message>
    <message>
        <source>Angio</source>
        <translation>Angio</translation>
    </message>
</context>
</TS>
