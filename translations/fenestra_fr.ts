<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConsentRegistry</name>
    <message>
        <source>consent registry at %1: %2</source>
        <translation>registre des consentements à l&apos;adresse %1 : %2</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>aucune réponse en %1 s</translation>
    </message>
    <message>
        <source>consent registry at %1: certificate refused: %2</source>
        <translation>registre des consentements à l&apos;adresse %1 : certificat refusé : %2</translation>
    </message>
    <message>
        <source>consent registry at %1 asks for a login (HTTP 401)</source>
        <translation>le registre des consentements à l&apos;adresse %1 demande une connexion (HTTP 401)</translation>
    </message>
    <message>
        <source>consent registry at %1 refused access (HTTP 403)</source>
        <translation>le registre des consentements à l&apos;adresse %1 a refusé l&apos;accès (HTTP 403)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>consent registry at %1 answered %2</source>
        <translation>le registre des consentements à l&apos;adresse %1 a répondu : %2</translation>
    </message>
    <message>
        <source>consent search needs an http(s) registry and a patient</source>
        <translation>la recherche de consentement nécessite un registre http(s) et un patient</translation>
    </message>
</context>
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
    <message>
        <source>The 3D view cannot be rendered.</source>
        <translation>Impossible d&apos;effectuer le rendu de la vue 3D.</translation>
    </message>
    <message>
        <source>An invalid value was given.</source>
        <translation>Une valeur non valide a été indiquée.</translation>
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
        <source>fenestra export: --%1 needs an angle in degrees, not &apos;%2&apos;</source>
        <translation>fenestra export : --%1 attend un angle en degrés, pas « %2 »</translation>
    </message>
    <message>
        <source>fenestra export: --zoom needs a positive factor, not &apos;%1&apos;</source>
        <translation>fenestra export : --zoom attend un facteur positif, pas « %1 »</translation>
    </message>
    <message>
        <source>fenestra export: --size needs WIDTHxHEIGHT in pixels (1..%1), not &apos;%2&apos;</source>
        <translation>fenestra export : --size attend LARGEURxHAUTEUR en pixels (1..%1), pas « %2 »</translation>
    </message>
    <message>
        <source>Render the series&apos; volume in 3D: vr (volume rendering), mip, minip or surface.</source>
        <translation>Afficher le volume de la série en 3D : vr (rendu volumique), mip, minip ou surface.</translation>
    </message>
    <message>
        <source>Volume rendering preset: ct-bone, ct-soft-tissue, ct-vessels, mr-default or mip.</source>
        <translation>Préréglage du rendu volumique : ct-bone, ct-soft-tissue, ct-vessels, mr-default ou mip.</translation>
    </message>
    <message>
        <source>3D camera: degrees about the patient&apos;s superior axis from the anterior view.</source>
        <translation>Caméra 3D : rotation en degrés autour de l&apos;axe supérieur du patient (orienté vers la tête), à partir de la vue antérieure.</translation>
    </message>
    <message>
        <source>3D camera: degrees towards superior.</source>
        <translation>Caméra 3D : élévation en degrés vers le haut (supérieur).</translation>
    </message>
    <message>
        <source>3D camera: magnification (1 shows the whole volume).</source>
        <translation>Caméra 3D : grossissement (1 affiche le volume entier).</translation>
    </message>
    <message>
        <source>3D image size in pixels.</source>
        <translation>Taille de l&apos;image 3D en pixels.</translation>
    </message>
    <message>
        <source>Isosurface value in HU (modality units), for --3d surface and --stl.</source>
        <translation>Valeur de l&apos;isosurface en HU (unités de la modalité), pour --3d surface et --stl.</translation>
    </message>
    <message>
        <source>Write the isosurface at --iso as a binary STL mesh (patient coordinates, mm) instead of an image.</source>
        <translation>Écrire l&apos;isosurface de valeur --iso sous forme de maillage STL binaire (coordonnées patient, mm) au lieu d&apos;une image.</translation>
    </message>
    <message>
        <source>fenestra export: --3d and --stl exclude each other</source>
        <translation>fenestra export : --3d et --stl s&apos;excluent mutuellement</translation>
    </message>
    <message>
        <source>fenestra export: --%1 needs --3d</source>
        <translation>fenestra export : --%1 nécessite --3d</translation>
    </message>
    <message>
        <source>fenestra export: --iso needs a value in HU, not &apos;%1&apos;</source>
        <translation>fenestra export : --iso attend une valeur en HU, pas « %1 »</translation>
    </message>
    <message>
        <source>fenestra export: --iso needs --3d surface or --stl</source>
        <translation>fenestra export : --iso nécessite --3d surface ou --stl</translation>
    </message>
    <message>
        <source>fenestra export: unknown 3D mode &apos;%1&apos; (vr, mip, minip or surface)</source>
        <translation>fenestra export : mode 3D inconnu « %1 » (vr, mip, minip ou surface)</translation>
    </message>
    <message>
        <source>fenestra export: --preset needs --3d vr</source>
        <translation>fenestra export : --preset nécessite --3d vr</translation>
    </message>
    <message>
        <source>fenestra export: unknown preset &apos;%1&apos; (%2)</source>
        <translation>fenestra export : préréglage inconnu « %1 » (%2)</translation>
    </message>
    <message>
        <source>fenestra export: --3d needs an X display (DISPLAY is not set); run it under xvfb-run on a machine without one</source>
        <translation>fenestra export : --3d nécessite un affichage X (DISPLAY n&apos;est pas défini) ; sur une machine sans affichage, lancez-le avec xvfb-run</translation>
    </message>
    <message>
        <source>%1: %2 triangles, area %3 mm^2, enclosed volume %4 mm^3</source>
        <translation>%1 : %2 triangles, aire %3 mm^2, volume délimité %4 mm^3</translation>
    </message>
    <message>
        <source>fenestra export: series %1 is not a volume (it needs parallel, evenly spaced slices); it has no 3D view</source>
        <translation>fenestra export : la série %1 n&apos;est pas un volume (il faut des coupes parallèles et régulièrement espacées) ; elle n&apos;a pas de vue 3D</translation>
    </message>
    <message>
        <source>Reformat the series&apos; volume on a plane: axial, coronal, sagittal or oblique (with --normal).</source>
        <translation>Reconstruire le volume de la série dans un plan : axial, coronal, sagittal ou oblique (avec --normal).</translation>
    </message>
    <message>
        <source>--plane oblique: the plane normal in patient coordinates (LPS), looked along.</source>
        <translation>--plane oblique : la normale du plan en coordonnées patient (LPS), qui est aussi la direction de vue.</translation>
    </message>
    <message>
        <source>--plane oblique: the direction towards the top of the image (default superior, or anterior for planes closer to axial).</source>
        <translation>--plane oblique : la direction vers le haut de l&apos;image (par défaut supérieure, ou antérieure pour les plans plus proches de l&apos;axial).</translation>
    </message>
    <message>
        <source>fenestra export: --normal and --up need --plane oblique</source>
        <translation>fenestra export : --normal et --up nécessitent --plane oblique</translation>
    </message>
    <message>
        <source>fenestra export: --plane oblique needs --normal x,y,z</source>
        <translation>fenestra export : --plane oblique nécessite --normal x,y,z</translation>
    </message>
    <message>
        <source>fenestra export: --normal needs a non-zero direction x,y,z, not &apos;%1&apos;</source>
        <translation>fenestra export : --normal attend une direction x,y,z non nulle, pas « %1 »</translation>
    </message>
    <message>
        <source>fenestra export: --up needs a non-zero direction x,y,z, not &apos;%1&apos;</source>
        <translation>fenestra export : --up attend une direction x,y,z non nulle, pas « %1 »</translation>
    </message>
    <message>
        <source>fenestra export: --up must not be parallel to --normal</source>
        <translation>fenestra export : --up ne doit pas être parallèle à --normal</translation>
    </message>
    <message>
        <source>fenestra export: unknown plane &apos;%1&apos; (axial, coronal, sagittal or oblique)</source>
        <translation>fenestra export : plan inconnu « %1 » (axial, coronal, sagittal ou oblique)</translation>
    </message>
    <message>
        <source>fenestra export: --%1 does not go with --3d or --stl</source>
        <translation>fenestra export : --%1 n&apos;est pas compatible avec --3d ou --stl</translation>
    </message>
    <message>
        <source>fenestra export: --stl writes the mesh to its own file; leave out --out</source>
        <translation>fenestra export : --stl écrit le maillage dans son propre fichier ; omettez --out</translation>
    </message>
    <message>
        <source>       fenestra export PATH... --series UID --plane oblique --normal X,Y,Z [--up X,Y,Z] [--offset MM] [...] --out FILE.png</source>
        <translation>       fenestra export CHEMIN... --series UID --plane oblique --normal X,Y,Z [--up X,Y,Z] [--offset MM] [...] --out FICHIER.png</translation>
    </message>
    <message>
        <source>       fenestra export PATH... --series UID --3d vr|mip|minip|surface [--preset NAME] [--azimuth DEG] [--elevation DEG] [--zoom F] [--size WxH] [--iso HU] --out FILE.png</source>
        <translation>       fenestra export CHEMIN... --series UID --3d vr|mip|minip|surface [--preset NOM] [--azimuth DEG] [--elevation DEG] [--zoom F] [--size LxH] [--iso HU] --out FICHIER.png</translation>
    </message>
    <message>
        <source>       fenestra export PATH... --series UID --stl FILE.stl [--iso HU]</source>
        <translation>       fenestra export CHEMIN... --series UID --stl FICHIER.stl [--iso HU]</translation>
    </message>
    <message>
        <source>Render one image of a series, a reformat or a 3D view of its volume to PNG or JPEG, or its isosurface to STL.</source>
        <translation>Exporte une image d&apos;une série, une reconstruction ou une vue 3D de son volume en PNG ou JPEG, ou son isosurface en STL.</translation>
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
    <name>JsonWebKey</name>
    <message>
        <source>the key&apos;s member &apos;%1&apos; is missing or not base64url</source>
        <translation>le membre « %1 » de la clé est absent ou n&apos;est pas en base64url</translation>
    </message>
    <message>
        <source>RSA key of %1 bits is too short</source>
        <translation>la clé RSA de %1 bits est trop courte</translation>
    </message>
    <message>
        <source>unsupported EC curve &apos;%1&apos;</source>
        <translation>courbe EC « %1 » non prise en charge</translation>
    </message>
    <message>
        <source>unsupported OKP curve &apos;%1&apos;</source>
        <translation>courbe OKP « %1 » non prise en charge</translation>
    </message>
    <message>
        <source>unsupported key type &apos;%1&apos;</source>
        <translation>type de clé « %1 » non pris en charge</translation>
    </message>
    <message>
        <source>the key&apos;s algorithm &apos;%1&apos; is not supported for this key type</source>
        <translation>l&apos;algorithme « %1 » de la clé n&apos;est pas pris en charge pour ce type de clé</translation>
    </message>
    <message>
        <source>algorithm %1 does not match the key</source>
        <translation>l&apos;algorithme %1 ne correspond pas à la clé</translation>
    </message>
    <message>
        <source>the key set is not a JWK Set</source>
        <translation>le jeu de clés n&apos;est pas un JWK Set</translation>
    </message>
</context>
<context>
    <name>JsonWebToken</name>
    <message>
        <source>the claim &apos;%1&apos; is not a number</source>
        <translation>la revendication « %1 » n&apos;est pas un nombre</translation>
    </message>
    <message>
        <source>audience &apos;%1&apos; not accepted (expected &apos;%2&apos;)</source>
        <translation>audience « %1 » non acceptée (attendue : « %2 »)</translation>
    </message>
    <message>
        <source>authorized party &apos;%1&apos; not accepted</source>
        <translation>partie autorisée « %1 » non acceptée</translation>
    </message>
    <message>
        <source>token expired at %1</source>
        <translation>jeton expiré le %1</translation>
    </message>
    <message>
        <source>token not valid before %1</source>
        <translation>jeton non valide avant le %1</translation>
    </message>
    <message>
        <source>token issued in the future, at %1</source>
        <translation>jeton émis dans le futur, le %1</translation>
    </message>
    <message>
        <source>signature algorithm &apos;%1&apos; not accepted</source>
        <translation>algorithme de signature « %1 » non accepté</translation>
    </message>
    <message>
        <source>issuer &apos;%1&apos; not accepted (expected &apos;%2&apos;)</source>
        <translation>émetteur « %1 » non accepté (attendu : « %2 »)</translation>
    </message>
    <message>
        <source>no key &apos;%1&apos; in the provider&apos;s key set</source>
        <translation>aucune clé « %1 » dans le jeu de clés du fournisseur</translation>
    </message>
    <message>
        <source>no key in the key set accepts %1</source>
        <translation>aucune clé du jeu de clés n&apos;accepte %1</translation>
    </message>
</context>
<context>
    <name>OidcSession</name>
    <message>
        <source>the identity provider&apos;s discovery document has no %1</source>
        <translation>le document de découverte du fournisseur d&apos;identité ne contient pas de champ %1</translation>
    </message>
    <message>
        <source>the identity provider&apos;s %1 is not an https URL: %2</source>
        <translation>le champ %1 du fournisseur d&apos;identité n&apos;est pas une URL https : %2</translation>
    </message>
    <message>
        <source>the identity provider says its issuer is &apos;%1&apos;, expected &apos;%2&apos;</source>
        <translation>le fournisseur d&apos;identité indique l&apos;émetteur « %1 », attendu : « %2 »</translation>
    </message>
    <message>
        <source>the identity provider does not support PKCE with S256</source>
        <translation>le fournisseur d&apos;identité ne prend pas en charge PKCE avec S256</translation>
    </message>
    <message>
        <source>the identity provider&apos;s address is not an https URL: %1</source>
        <translation>l&apos;adresse du fournisseur d&apos;identité n&apos;est pas une URL https : %1</translation>
    </message>
    <message>
        <source>cannot reach the identity provider at %1: %2</source>
        <translation>impossible de joindre le fournisseur d&apos;identité à l&apos;adresse %1 : %2</translation>
    </message>
    <message>
        <source>the identity provider at %1 answered HTTP %2</source>
        <translation>le fournisseur d&apos;identité à l&apos;adresse %1 a répondu HTTP %2</translation>
    </message>
    <message>
        <source>the identity provider refused the request: %1</source>
        <translation>le fournisseur d&apos;identité a refusé la requête : %1</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>aucune réponse en %1 s</translation>
    </message>
    <message>
        <source>the identity provider&apos;s certificate at %1 is refused: %2</source>
        <translation>le certificat du fournisseur d&apos;identité à l&apos;adresse %1 est refusé : %2</translation>
    </message>
    <message>
        <source>the identity provider at %1 answered something that is not a JSON object</source>
        <translation>le fournisseur d&apos;identité à l&apos;adresse %1 a renvoyé une réponse qui n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>the ID token names no subject</source>
        <translation>le jeton d&apos;identité n&apos;indique aucun sujet</translation>
    </message>
    <message>
        <source>the login answer comes from issuer &apos;%1&apos;, expected &apos;%2&apos;</source>
        <translation>la réponse de connexion provient de l&apos;émetteur « %1 », attendu : « %2 »</translation>
    </message>
    <message>
        <source>the renewed ID token names another subject</source>
        <translation>le jeton d&apos;identité renouvelé indique un autre sujet</translation>
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
    <message>
        <source>The sign-in token was refused.</source>
        <translation>Le jeton de connexion a été refusé.</translation>
    </message>
    <message>
        <source>The sign-in service cannot be reached.</source>
        <translation>Le service de connexion est injoignable.</translation>
    </message>
    <message>
        <source>The sign-in service refused the request.</source>
        <translation>Le service de connexion a refusé la requête.</translation>
    </message>
    <message>
        <source>Signing in did not complete.</source>
        <translation>La connexion n&apos;a pas abouti.</translation>
    </message>
    <message>
        <source>You are not signed in: sign in again.</source>
        <translation>Aucune session ouverte : reconnectez-vous.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Client certificates (*.p12 *.pfx *.pem *.crt);;All files (*)</source>
        <translation>Certificats client (*.p12 *.pfx *.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Private keys (*.key *.pem);;All files (*)</source>
        <translation>Clés privées (*.key *.pem);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>Secure connection (TLS, https only)</source>
        <translation>Connexion sécurisée (TLS, https uniquement)</translation>
    </message>
    <message>
        <source>CA &amp;bundle:</source>
        <translation>Autorités de &amp;certification (CA) :</translation>
    </message>
    <message>
        <source>System authorities</source>
        <translation>Autorités du système</translation>
    </message>
    <message>
        <source>PEM file of the authorities that issue this archive&apos;s certificate. It replaces the system&apos;s authorities for this archive.</source>
        <translation>Fichier PEM des autorités de certification qui émettent le certificat de cette archive. Il remplace les autorités du système pour cette archive.</translation>
    </message>
    <message>
        <source>Key &amp;pins:</source>
        <translation>É&amp;pinglage des clés :</translation>
    </message>
    <message>
        <source>None (SPKI SHA-256, base64, separated by spaces)</source>
        <translation>Aucun (SPKI SHA-256, base64, séparés par des espaces)</translation>
    </message>
    <message>
        <source>The server&apos;s key must match one of these fingerprints: openssl x509 -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary | base64</source>
        <translation>La clé du serveur doit correspondre à l&apos;une de ces empreintes : openssl x509 -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary | base64</translation>
    </message>
    <message>
        <source>Client cer&amp;tificate:</source>
        <translation>Cer&amp;tificat client :</translation>
    </message>
    <message>
        <source>None (PEM, or PKCS#12 .p12/.pfx)</source>
        <translation>Aucun (PEM, ou PKCS#12 .p12/.pfx)</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>C&amp;lé client :</translation>
    </message>
    <message>
        <source>In the certificate file</source>
        <translation>Dans le fichier du certificat</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Of the PKCS#12 file or encrypted key</source>
        <translation>Du fichier PKCS#12 ou de la clé chiffrée</translation>
    </message>
    <message>
        <source>Password &amp;stored:</source>
        <translation>Mot de passe con&amp;servé :</translation>
    </message>
    <message>
        <source>For this session only</source>
        <translation>Pour cette session uniquement</translation>
    </message>
    <message>
        <source>In the system keyring</source>
        <translation>Dans le trousseau de clés du système</translation>
    </message>
    <message>
        <source>Where the client certificate password is kept</source>
        <translation>Emplacement de conservation du mot de passe du certificat client</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <source>Archive CA bundle file</source>
        <translation>Fichier des autorités de certification de l&apos;archive</translation>
    </message>
    <message>
        <source>Archive key pins</source>
        <translation>Épinglage des clés de l&apos;archive</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>Fichier du certificat client</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>Fichier de la clé client</translation>
    </message>
    <message>
        <source>Client certificate password</source>
        <translation>Mot de passe du certificat client</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>Choisir le fichier des autorités de certification</translation>
    </message>
    <message>
        <source>Choose the client certificate file</source>
        <translation>Choisir le fichier du certificat client</translation>
    </message>
    <message>
        <source>Choose the client key file</source>
        <translation>Choisir le fichier de la clé client</translation>
    </message>
    <message>
        <source>The consent registry cannot be reached.</source>
        <translation>Le registre des consentements est injoignable.</translation>
    </message>
    <message>
        <source>A consent from the registry cannot be read.</source>
        <translation>Un consentement provenant du registre ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The audit log failed its integrity check.</source>
        <translation>Le journal d&apos;audit a échoué au contrôle d&apos;intégrité.</translation>
    </message>
    <message>
        <source>The audit log cannot be read or written.</source>
        <translation>Le journal d&apos;audit ne peut être ni lu ni écrit.</translation>
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
    <name>fenestra::app::FederationPanel</name>
    <message>
        <source>Search across hospitals</source>
        <translation>Recherche inter-hôpitaux</translation>
    </message>
    <message>
        <source>Search across hospitals: %1</source>
        <translation>Recherche inter-hôpitaux : %1</translation>
    </message>
    <message>
        <source>National &amp;identifier:</source>
        <translation>&amp;Identifiant national :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>&amp;Date de naissance :</translation>
    </message>
    <message>
        <source>13 digits</source>
        <translation>13 chiffres</translation>
    </message>
    <message>
        <source>Family, Given</source>
        <translation>Nom, Prénom</translation>
    </message>
    <message>
        <source>any</source>
        <translation>indifférente</translation>
    </message>
    <message>
        <source>&amp;Search all hospitals</source>
        <translation>&amp;Rechercher dans tous les hôpitaux</translation>
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
        <source>Hospitals</source>
        <translation>Hôpitaux</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID patient</translation>
    </message>
    <message>
        <source>waiting for the consent check…</source>
        <translation>en attente de la vérification du consentement…</translation>
    </message>
    <message>
        <source>not searched yet</source>
        <translation>pas encore interrogé</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>recherche en cours…</translation>
    </message>
    <message>
        <source>slow: still searching…</source>
        <translation>lent : recherche toujours en cours…</translation>
    </message>
    <message numerus="yes">
        <source>answered: %n found</source>
        <translation>
            <numerusform>a répondu : %n étude trouvée</numerusform>
            <numerusform>a répondu : %n études trouvées</numerusform>
        </translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>aucune réponse</translation>
    </message>
    <message>
        <source>denied: the archive refused access</source>
        <translation>refusé : l&apos;archive a refusé l&apos;accès</translation>
    </message>
    <message>
        <source>timed out: no answer in time</source>
        <translation>délai dépassé : pas de réponse à temps</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source> (your hospital)</source>
        <translation> (votre hôpital)</translation>
    </message>
    <message>
        <source>%1%2: %3</source>
        <translation>%1%2 : %3</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>%1 · born %2</source>
        <translation>%1 · naissance : %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source> · national identifier %1</source>
        <translation> · identifiant national %1</translation>
    </message>
    <message>
        <source> · no national identifier</source>
        <translation> · pas d&apos;identifiant national</translation>
    </message>
    <message>
        <source>%1, born %2: two different people share this name and birth date (different national identifiers); they are kept apart.</source>
        <translation>%1, né(e) le %2 : deux personnes différentes ont ce nom et cette date de naissance (identifiants nationaux différents) ; elles restent séparées.</translation>
    </message>
    <message>
        <source>Another person has the same name and birth date.</source>
        <translation>Une autre personne a les mêmes nom et date de naissance.</translation>
    </message>
    <message>
        <source>%1, born %2: records match only by name and birth date, without a national identifier to prove it; they are shown apart, not merged. Check before treating them as one person.</source>
        <translation>%1, né(e) le %2 : les dossiers ne concordent que par le nom et la date de naissance, sans identifiant national pour le confirmer ; ils sont affichés séparément, sans être fusionnés. Vérifiez avant de les considérer comme une seule et même personne.</translation>
    </message>
    <message>
        <source>May be the same person as another entry (name and birth date only): not merged.</source>
        <translation>Peut-être la même personne qu&apos;une autre entrée (nom et date de naissance uniquement) : non fusionnée.</translation>
    </message>
    <message>
        <source>A hospital recorded an invalid national identifier.</source>
        <translation>Un hôpital a enregistré un identifiant national non valide.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>it must have 13 digits</source>
        <translation>il doit comporter 13 chiffres</translation>
    </message>
    <message>
        <source>it may hold only digits and spaces</source>
        <translation>il ne peut contenir que des chiffres et des espaces</translation>
    </message>
    <message>
        <source>its first 8 digits are not a date of birth</source>
        <translation>ses 8 premiers chiffres ne forment pas une date de naissance</translation>
    </message>
    <message>
        <source>a check digit is wrong (mistyped?)</source>
        <translation>un chiffre de contrôle est erroné (faute de frappe ?)</translation>
    </message>
    <message>
        <source>Sign in to search across hospitals: your hospital and what you may see come from your sign-in.</source>
        <translation>Connectez-vous pour rechercher dans plusieurs hôpitaux : votre hôpital et ce que vous pouvez consulter dépendent de votre connexion.</translation>
    </message>
    <message>
        <source>Your hospital (%1) is not part of the federation “%2”.</source>
        <translation>Votre hôpital (%1) ne fait pas partie de la fédération « %2 ».</translation>
    </message>
    <message>
        <source>The national identifier is not valid: %1.</source>
        <translation>L&apos;identifiant national n&apos;est pas valide : %1.</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>il est vide</translation>
    </message>
    <message>
        <source>The birth date does not match the national identifier.</source>
        <translation>La date de naissance ne correspond pas à l&apos;identifiant national.</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s national identifier, or a name (and birth date).</source>
        <translation>Saisissez l&apos;identifiant national du patient, ou un nom (et une date de naissance).</translation>
    </message>
    <message>
        <source>not searched: no consent registry configured</source>
        <translation>non interrogé : aucun registre des consentements configuré</translation>
    </message>
    <message>
        <source>not searched: no national identifier to check consent with</source>
        <translation>non interrogé : aucun identifiant national pour vérifier le consentement</translation>
    </message>
    <message>
        <source>not searched: the consent registry did not answer</source>
        <translation>non interrogé : le registre des consentements n&apos;a pas répondu</translation>
    </message>
    <message>
        <source>not searched: the patient refused sharing</source>
        <translation>non interrogé : le patient a refusé le partage</translation>
    </message>
    <message>
        <source>not searched: consent withdrawn</source>
        <translation>non interrogé : consentement retiré</translation>
    </message>
    <message>
        <source>not searched: consent expired</source>
        <translation>non interrogé : consentement expiré</translation>
    </message>
    <message>
        <source>not searched: no consent on record</source>
        <translation>non interrogé : aucun consentement enregistré</translation>
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
    <name>fenestra::app::LockScreen</name>
    <message>
        <source>Fenestra is locked</source>
        <translation>Fenestra est verrouillé</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
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
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>&amp;MPR (axial, coronal, sagittal, 3D)</source>
        <translation>&amp;MPR (axiale, coronale, sagittale, 3D)</translation>
    </message>
    <message>
        <source>MPR &amp;slab</source>
        <translation>Co&amp;upe épaisse MPR</translation>
    </message>
    <message>
        <source>&amp;Thin slice</source>
        <translation>&amp;Coupe fine</translation>
    </message>
    <message>
        <source>&amp;Maximum intensity (MIP)</source>
        <translation>Intensité &amp;maximale (MIP)</translation>
    </message>
    <message>
        <source>M&amp;inimum intensity (MinIP)</source>
        <translation>Intensité m&amp;inimale (MinIP)</translation>
    </message>
    <message>
        <source>&amp;Average</source>
        <translation>M&amp;oyenne</translation>
    </message>
    <message>
        <source>T&amp;hicker slab</source>
        <translation>Coupe plus é&amp;paisse</translation>
    </message>
    <message>
        <source>Thi&amp;nner slab</source>
        <translation>Coupe plus fi&amp;ne</translation>
    </message>
    <message>
        <source>&amp;Reset MPR</source>
        <translation>Réinitialis&amp;er la MPR</translation>
    </message>
    <message>
        <source>Open the MPR layout first (Ctrl+M)</source>
        <translation>Ouvrez d&apos;abord la disposition MPR (Ctrl+M)</translation>
    </message>
    <message>
        <source>MPR needs a volume: parallel, evenly spaced slices</source>
        <translation>La MPR nécessite un volume : des coupes parallèles et régulièrement espacées</translation>
    </message>
    <message>
        <source>MPR needs a series in the active view</source>
        <translation>La MPR nécessite une série dans la vue active</translation>
    </message>
    <message>
        <source>Loading the volume...</source>
        <translation>Chargement du volume...</translation>
    </message>
    <message>
        <source>Loading the volume was cancelled</source>
        <translation>Le chargement du volume a été annulé</translation>
    </message>
    <message>
        <source>Cannot build the volume: %1</source>
        <translation>Impossible de construire le volume : %1</translation>
    </message>
    <message>
        <source>Volume loaded</source>
        <translation>Volume chargé</translation>
    </message>
    <message numerus="yes">
        <source>Volume loaded; %n slices could not be read</source>
        <translation>
            <numerusform>Volume chargé ; %n coupe n&apos;a pas pu être lue</numerusform>
            <numerusform>Volume chargé ; %n coupes n&apos;ont pas pu être lues</numerusform>
        </translation>
    </message>
    <message>
        <source>physician</source>
        <translation>médecin</translation>
    </message>
    <message>
        <source>radiologist</source>
        <translation>radiologue</translation>
    </message>
    <message>
        <source>general practitioner</source>
        <translation>médecin généraliste</translation>
    </message>
    <message>
        <source>&amp;Sign in...</source>
        <translation>&amp;Se connecter...</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
        <source>Continue signing in in your web browser…</source>
        <translation>Poursuivez la connexion dans votre navigateur web…</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Your session has ended: %1
Sign in again to go on; your open studies stay open.</source>
        <translation>Votre session a pris fin : %1
Reconnectez-vous pour continuer ; vos études ouvertes le restent.</translation>
    </message>
    <message>
        <source>No sign-in configured</source>
        <translation>Aucune connexion configurée</translation>
    </message>
    <message>
        <source>Archives are asked without authentication.</source>
        <translation>Les archives sont interrogées sans authentification.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Session ended: sign in again</source>
        <translation>Session terminée : reconnectez-vous</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Sign in to search the archives.</source>
        <translation>Connectez-vous pour rechercher dans les archives.</translation>
    </message>
    <message>
        <source>Your role (%1) does not allow searching the archives.</source>
        <translation>Votre rôle (%1) ne permet pas de rechercher dans les archives.</translation>
    </message>
    <message numerus="yes">
        <source>Patient data stays hidden until you sign in again. (The window locks after %n minutes without activity.)</source>
        <translation>
            <numerusform>Les données patient restent masquées jusqu&apos;à ce que vous vous reconnectiez. (La fenêtre se verrouille après %n minute d&apos;inactivité.)</numerusform>
            <numerusform>Les données patient restent masquées jusqu&apos;à ce que vous vous reconnectiez. (La fenêtre se verrouille après %n minutes d&apos;inactivité.)</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Session fermée.</translation>
    </message>
    <message>
        <source>The OpenID Connect provider doctors sign in with, for this session (its issuer URL).</source>
        <translation>Le fournisseur OpenID Connect auprès duquel les médecins se connectent, pour cette session (URL de son émetteur).</translation>
    </message>
    <message>
        <source>--sign-in %1: not an http or https URL</source>
        <translation>--sign-in %1 : ce n&apos;est pas une URL http ou https</translation>
    </message>
    <message>
        <source>A client certificate password could not be read from the keyring: %1</source>
        <translation>Un mot de passe de certificat client n&apos;a pas pu être lu dans le trousseau de clés : %1</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>Archives</translation>
    </message>
    <message>
        <source>Search across hospitals</source>
        <translation>Recherche inter-hôpitaux</translation>
    </message>
    <message>
        <source>The patient&apos;s consent for %1 has been withdrawn: its images were removed from this computer.</source>
        <translation>Le consentement du patient pour %1 a été retiré : les images correspondantes ont été supprimées de cet ordinateur.</translation>
    </message>
    <message numerus="yes">
        <source>Views showing them were closed (%n).</source>
        <translation>
            <numerusform>La vue qui les affichait a été fermée (%n).</numerusform>
            <numerusform>Les vues qui les affichaient ont été fermées (%n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Consentement retiré</translation>
    </message>
    <message>
        <source>Waiting for the series to arrive...</source>
        <translation>En attente de la réception de la série...</translation>
    </message>
    <message>
        <source>&amp;Emergency access (break the glass)...</source>
        <translation>Accès d&apos;&amp;urgence (bris de glace)...</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Emergency access ended.</source>
        <translation>Accès d&apos;urgence terminé.</translation>
    </message>
    <message>
        <source>Emergency access refused</source>
        <translation>Accès d&apos;urgence refusé</translation>
    </message>
    <message>
        <source>Emergency access</source>
        <translation>Accès d&apos;urgence</translation>
    </message>
    <message>
        <source>Emergency access lets you see this patient&apos;s images at other hospitals without the patient&apos;s consent, for a short time. It is recorded and reviewed. Write why it is needed:</source>
        <translation>L&apos;accès d&apos;urgence vous permet de consulter, pendant une courte durée, les images de ce patient dans d&apos;autres hôpitaux sans son consentement. Il est enregistré et contrôlé. Indiquez pourquoi il est nécessaire :</translation>
    </message>
    <message>
        <source>Reason for emergency access</source>
        <translation>Motif de l&apos;accès d&apos;urgence</translation>
    </message>
    <message>
        <source>Start emergency access</source>
        <translation>Démarrer l&apos;accès d&apos;urgence</translation>
    </message>
    <message>
        <source>Emergency access until %1: every access is recorded.</source>
        <translation>Accès d&apos;urgence jusqu&apos;à %1 : chaque accès est enregistré.</translation>
    </message>
    <message>
        <source>End emergency access</source>
        <translation>Terminer l&apos;accès d&apos;urgence</translation>
    </message>
    <message>
        <source>The audit log cannot be opened: %1</source>
        <translation>Le journal d&apos;audit ne peut pas être ouvert : %1</translation>
    </message>
    <message>
        <source>The federation configuration (JSON) to search patients across hospitals with, for this session.</source>
        <translation>La configuration de fédération (JSON) utilisée pendant cette session pour rechercher des patients dans plusieurs hôpitaux.</translation>
    </message>
    <message>
        <source>--federation %1: %2</source>
        <translation>--federation %1 : %2</translation>
    </message>
    <message>
        <source>The federation configuration cannot be read: %1</source>
        <translation>La configuration de fédération ne peut pas être lue : %1</translation>
    </message>
    <message>
        <source>Audit records are not sent to the collector %1: the federation names no certificate authority for it (auditCollector.caBundle). They are kept in the local audit log.</source>
        <translation>Les enregistrements d&apos;audit ne sont pas envoyés au collecteur %1 : la fédération ne désigne aucune autorité de certification pour lui (auditCollector.caBundle). Ils sont conservés dans le journal d&apos;audit local.</translation>
    </message>
    <message>
        <source>Audit records are not sent to the collector %1, its certificate authority cannot be used: %2. They are kept in the local audit log.</source>
        <translation>Les enregistrements d&apos;audit ne sont pas envoyés au collecteur %1, son autorité de certification est inutilisable : %2. Ils sont conservés dans le journal d&apos;audit local.</translation>
    </message>
    <message>
        <source>Audit records cannot be sent to the collector %1 (the record of what was delivered does not match this audit log). They are kept in the local audit log.</source>
        <translation>Les enregistrements d&apos;audit ne peuvent pas être envoyés au collecteur %1 (l&apos;état des envois ne correspond pas à ce journal d&apos;audit). Ils sont conservés dans le journal d&apos;audit local.</translation>
    </message>
    <message>
        <source>The audit collector %1 cannot be reached (%2). Audit records are kept and sent when it is back.</source>
        <translation>Le collecteur d&apos;audit %1 est injoignable (%2). Les enregistrements d&apos;audit sont conservés et envoyés dès son retour.</translation>
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
    <message>
        <source>%1: signing in again…</source>
        <translation>%1 : reconnexion en cours…</translation>
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
    <message>
        <source>Sign-in &amp;provider (OpenID Connect issuer):</source>
        <translation>&amp;Fournisseur de connexion (émetteur OpenID Connect) :</translation>
    </message>
    <message>
        <source>Sign-in provider</source>
        <translation>Fournisseur de connexion</translation>
    </message>
    <message>
        <source>Takes effect at the next start. Empty: archives are asked without signing in.</source>
        <translation>Prend effet au prochain démarrage. Vide : les archives sont interrogées sans connexion.</translation>
    </message>
    <message>
        <source>Client &amp;ID at the provider:</source>
        <translation>&amp;ID client auprès du fournisseur :</translation>
    </message>
    <message>
        <source>Client ID at the provider</source>
        <translation>ID client auprès du fournisseur</translation>
    </message>
    <message>
        <source>Lock after &amp;inactivity:</source>
        <translation>Ve&amp;rrouillage après inactivité :</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Verrouillage après inactivité</translation>
    </message>
    <message>
        <source>Federation configuration</source>
        <translation>Configuration de fédération</translation>
    </message>
    <message>
        <source>Federation configuration (*.json)</source>
        <translation>Configuration de fédération (*.json)</translation>
    </message>
    <message>
        <source>The federation configuration cannot be read: %1</source>
        <translation>La configuration de fédération ne peut pas être lue : %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n hospitals</source>
        <translation>
            <numerusform>%1 : %n hôpital</numerusform>
            <numerusform>%1 : %n hôpitaux</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Federation of hospitals:</source>
        <translation>&amp;Fédération d&apos;hôpitaux :</translation>
    </message>
    <message>
        <source>Federation configuration file</source>
        <translation>Fichier de configuration de fédération</translation>
    </message>
    <message>
        <source>Takes effect at the next start.</source>
        <translation>Prend effet au prochain démarrage.</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Parcourir...</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hôpital</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>ID du membre</translation>
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
    <name>fenestra::net::LoopbackReceiver</name>
    <message>
        <source>the browser did not come back from the identity provider within %1 s</source>
        <translation>le navigateur n&apos;est pas revenu du fournisseur d&apos;identité en %1 s</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1 for the login: %1</source>
        <translation>impossible d&apos;écouter sur 127.0.0.1 pour la connexion : %1</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Non autorisé</translation>
    </message>
    <message>
        <source>This address only accepts the login redirect.</source>
        <translation>Cette adresse n&apos;accepte que la redirection de connexion.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>Login not accepted</source>
        <translation>Connexion non acceptée</translation>
    </message>
    <message>
        <source>This login answer does not belong to the login started in Fenestra. Start the login again from Fenestra.</source>
        <translation>Cette réponse de connexion ne correspond pas à la connexion lancée dans Fenestra. Relancez la connexion depuis Fenestra.</translation>
    </message>
    <message>
        <source>the login answer&apos;s state does not match the login request</source>
        <translation>l&apos;état (state) de la réponse de connexion ne correspond pas à la demande de connexion</translation>
    </message>
    <message>
        <source>the identity provider refused the login: %1</source>
        <translation>le fournisseur d&apos;identité a refusé la connexion : %1</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>The identity provider did not sign you in. Return to Fenestra for details.</source>
        <translation>Le fournisseur d&apos;identité n&apos;a pas effectué la connexion. Revenez à Fenestra pour plus de détails.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connexion réussie</translation>
    </message>
    <message>
        <source>You are signed in to Fenestra. You can close this page and return to Fenestra.</source>
        <translation>La connexion à Fenestra a réussi. Vous pouvez fermer cette page et revenir à Fenestra.</translation>
    </message>
</context>
<context>
    <name>fenestra::net::Tls</name>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Le fichier %1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The client certificate %1 is neither a PEM nor a PKCS#12 file.</source>
        <translation>Le certificat client %1 n&apos;est ni un fichier PEM ni un fichier PKCS#12.</translation>
    </message>
    <message>
        <source>The client certificate %1 needs its password.</source>
        <translation>Le certificat client %1 nécessite son mot de passe.</translation>
    </message>
    <message>
        <source>The password of the client certificate %1 is wrong.</source>
        <translation>Le mot de passe du certificat client %1 est incorrect.</translation>
    </message>
    <message>
        <source>The client certificate %1 holds no usable certificate and key.</source>
        <translation>Le certificat client %1 ne contient pas de certificat et de clé utilisables.</translation>
    </message>
    <message>
        <source>The private key %1 needs its password.</source>
        <translation>La clé privée %1 nécessite son mot de passe.</translation>
    </message>
    <message>
        <source>The password of the private key %1 is wrong.</source>
        <translation>Le mot de passe de la clé privée %1 est incorrect.</translation>
    </message>
    <message>
        <source>The file %1 holds no private key for the client certificate.</source>
        <translation>Le fichier %1 ne contient pas de clé privée pour le certificat client.</translation>
    </message>
    <message>
        <source>The file %1 holds no certificate.</source>
        <translation>Le fichier %1 ne contient aucun certificat.</translation>
    </message>
    <message>
        <source>The client certificate %1 holds no private key: choose its key file.</source>
        <translation>Le certificat client %1 ne contient pas de clé privée : choisissez son fichier de clé.</translation>
    </message>
    <message>
        <source>The private key does not belong to the client certificate %1.</source>
        <translation>La clé privée ne correspond pas au certificat client %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SHA-256 fingerprint in base64 (44 characters).</source>
        <translation>« %1 » n&apos;est pas une empreinte SHA-256 en base64 (44 caractères).</translation>
    </message>
    <message>
        <source>The key of the server %1 does not match the pin set for this archive (expected SHA-256 %2, received %3). The connection was closed before anything was sent.</source>
        <translation>La clé du serveur %1 ne correspond pas à l&apos;épinglage défini pour cette archive (SHA-256 attendu %2, reçu %3). La connexion a été fermée avant tout envoi de données.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: it was issued by &quot;%2&quot;, an authority this archive does not trust. If the archive is genuine, add its authority (CA bundle) in the archive&apos;s settings.</source>
        <translation>Le certificat de %1 n&apos;est pas approuvé : il a été émis par « %2 », une autorité à laquelle cette archive ne fait pas confiance. Si l&apos;archive est authentique, ajoutez son autorité de certification (CA) dans les paramètres de l&apos;archive.</translation>
    </message>
    <message>
        <source>The certificate presented by %1 is for %2, not for %1.</source>
        <translation>Le certificat présenté par %1 est destiné à %2, et non à %1.</translation>
    </message>
    <message>
        <source>The certificate of %1 expired on %2.</source>
        <translation>Le certificat de %1 a expiré le %2.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not valid before %2.</source>
        <translation>Le certificat de %1 n&apos;est pas valide avant le %2.</translation>
    </message>
    <message>
        <source>The certificate of %1 was refused: %2.</source>
        <translation>Le certificat de %1 a été refusé : %2.</translation>
    </message>
    <message>
        <source>The certificate of %1 was refused.</source>
        <translation>Le certificat de %1 a été refusé.</translation>
    </message>
    <message>
        <source>The archive %1 offers only a TLS version older than 1.2, which is refused as insecure.</source>
        <translation>L&apos;archive %1 ne propose qu&apos;une version de TLS antérieure à 1.2, refusée car non sécurisée.</translation>
    </message>
    <message>
        <source>The archive %1 requires a client certificate, and none is set in the archive&apos;s settings.</source>
        <translation>L&apos;archive %1 exige un certificat client, et aucun n&apos;est défini dans les paramètres de l&apos;archive.</translation>
    </message>
    <message>
        <source>The archive %1 refused our client certificate.</source>
        <translation>L&apos;archive %1 a refusé notre certificat client.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed.</source>
        <translation>La connexion sécurisée à %1 a échoué.</translation>
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
    <name>fenestra::viewer::MprView</name>
    <message>
        <source>%1 reformat</source>
        <translation>Reconstruction %1</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Coronale</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittale</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>Axiale</translation>
    </message>
    <message>
        <source>%1 (oblique)</source>
        <translation>%1 (oblique)</translation>
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
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>%1, %2 %3 mm</source>
        <translation>%1, %2 %3 mm</translation>
    </message>
    <message>
        <source>Reformat</source>
        <translation>Reconstruction</translation>
    </message>
</context>
<context>
    <name>fenestra::viewer::TransferFunction</name>
    <message>
        <source>CT bone</source>
        <translation>TDM os</translation>
    </message>
    <message>
        <source>CT soft tissue</source>
        <translation>TDM tissus mous</translation>
    </message>
    <message>
        <source>CT vessels</source>
        <translation>TDM vaisseaux</translation>
    </message>
    <message>
        <source>MR default</source>
        <translation>IRM standard</translation>
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
        <translation>Faites glisser un point pour le déplacer, double-cliquez pour en ajouter un, cliquez avec le bouton droit pour le supprimer. Double-cliquez sur un point de couleur pour en changer la couleur.</translation>
    </message>
    <message>
        <source>Colour of the point</source>
        <translation>Couleur du point</translation>
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
        <translation>Surface</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>Rendu</translation>
    </message>
    <message>
        <source>Anterior</source>
        <translation>Antérieure</translation>
    </message>
    <message>
        <source>Posterior</source>
        <translation>Postérieure</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Superior</source>
        <translation>Supérieure</translation>
    </message>
    <message>
        <source>Inferior</source>
        <translation>Inférieure</translation>
    </message>
    <message>
        <source>View from</source>
        <translation>Vue</translation>
    </message>
    <message>
        <source>Shading</source>
        <translation>Ombrage</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Edit the opacity and colour points</source>
        <translation>Modifier les points d&apos;opacité et de couleur</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Front view of the whole volume</source>
        <translation>Vue de face du volume entier</translation>
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
