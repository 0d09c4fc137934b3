<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>About</name>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>{count} articles; newest review {date}.</source>
        <translation>{count} articles&#xa0;; révision la plus récente&#xa0;: {date}.</translation>
    </message>
    <message>
        <source>Works without a network.</source>
        <translation>Fonctionne sans réseau.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Articles changed on disk since the last start: topics updated.</source>
        <translation>Des articles ont changé sur le disque depuis le dernier démarrage&#xa0;: thèmes mis à jour.</translation>
    </message>
    <message>
        <source>Open content folder…</source>
        <translation>Ouvrir un dossier de contenu…</translation>
    </message>
</context>
<context>
    <name>Authoring</name>
    <message>
        <source>&amp;Article</source>
        <translation>A&amp;rticle</translation>
    </message>
    <message>
        <source>&amp;New article</source>
        <translation>&amp;Nouvel article</translation>
    </message>
    <message>
        <source>Write a new clinic article</source>
        <translation>Rédiger un nouvel article de la clinique</translation>
    </message>
    <message>
        <source>&amp;Edit this article</source>
        <translation>&amp;Modifier cet article</translation>
    </message>
    <message>
        <source>Change the open clinic article</source>
        <translation>Modifier l&apos;article de la clinique ouvert</translation>
    </message>
    <message>
        <source>Make a clinic &amp;copy</source>
        <translation>Faire une &amp;copie pour la clinique</translation>
    </message>
    <message>
        <source>An editable copy of this article in the clinic library</source>
        <translation>Une copie modifiable de cet article dans la bibliothèque de la clinique</translation>
    </message>
    <message>
        <source>&amp;Import document…</source>
        <translation>&amp;Importer un document…</translation>
    </message>
    <message>
        <source>Word, web pages and text as new drafts</source>
        <translation>Word, pages web et texte comme nouveaux brouillons</translation>
    </message>
    <message>
        <source>E&amp;xport clinic articles…</source>
        <translation>E&amp;xporter les articles de la clinique…</translation>
    </message>
    <message>
        <source>The Clinic articles library as one content pack, to install on other workstations</source>
        <translation>La bibliothèque des articles de la clinique en un paquet de contenu, à installer sur d&apos;autres postes</translation>
    </message>
    <message>
        <source>Clinic articles</source>
        <translation>Articles de la clinique</translation>
    </message>
    <message>
        <source>No clinic library is set up in this window.</source>
        <translation>Aucune bibliothèque de la clinique n&apos;est prévue dans cette fenêtre.</translation>
    </message>
    <message>
        <source>Open an article to edit it.</source>
        <translation>Ouvrez un article pour le modifier.</translation>
    </message>
    <message>
        <source>Edit this article</source>
        <translation>Modifier cet article</translation>
    </message>
    <message>
        <source>“{title}” is part of a library that cannot be changed.

Make a clinic copy to edit? The copy is saved in Clinic articles and says where it came from.</source>
        <translation>«&#xa0;{title}&#xa0;» fait partie d&apos;une bibliothèque qui ne peut pas être modifiée.

Faire une copie pour la clinique et la modifier&#xa0;? La copie est enregistrée dans Articles de la clinique et indique d&apos;où elle vient.</translation>
    </message>
    <message>
        <source>A copy of “{title}”: save it to keep it in Clinic articles.</source>
        <translation>Une copie de «&#xa0;{title}&#xa0;»&#xa0;: enregistrez-la pour la garder dans Articles de la clinique.</translation>
    </message>
    <message>
        <source>Import document</source>
        <translation>Importer un document</translation>
    </message>
    <message>
        <source>Documents ({patterns});;All files (*)</source>
        <translation>Documents ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Importing {count} documents…</source>
        <translation>Importation de {count} documents…</translation>
    </message>
    <message>
        <source>Importing 1 document…</source>
        <translation>Importation d&apos;un document…</translation>
    </message>
    <message>
        <source>Imported as a draft: check it, review it and save.</source>
        <translation>Importé comme brouillon&#xa0;: vérifiez-le, relisez-le et enregistrez-le.</translation>
    </message>
    <message>
        <source>1 document imported.</source>
        <translation>1 document importé.</translation>
    </message>
    <message>
        <source>{count} documents imported.</source>
        <translation>{count} documents importés.</translation>
    </message>
    <message>
        <source>Could not import:
{problems}</source>
        <translation>Importation impossible&#xa0;:
{problems}</translation>
    </message>
    <message>
        <source>Export clinic articles</source>
        <translation>Exporter les articles de la clinique</translation>
    </message>
    <message>
        <source>Content packs (*.guidepack);;Zip archives (*.zip)</source>
        <translation>Paquets de contenu (*.guidepack);;Archives zip (*.zip)</translation>
    </message>
    <message>
        <source>Exporting the clinic articles…</source>
        <translation>Exportation des articles de la clinique…</translation>
    </message>
    <message>
        <source>1 article.</source>
        <translation>1 article.</translation>
    </message>
    <message>
        <source>{count} articles.</source>
        <translation>{count} articles.</translation>
    </message>
    <message>
        <source>Install it on another workstation with File &gt; Libraries… &gt; Install from file…</source>
        <translation>Installez-le sur un autre poste avec Fichier &gt; Bibliothèques… &gt; Installer depuis un fichier…</translation>
    </message>
    <message>
        <source>Unpack it on another workstation and add the folder with File &gt; Open content folder…</source>
        <translation>Décompressez-le sur un autre poste et ajoutez le dossier avec Fichier &gt; Ouvrir un dossier de contenu…</translation>
    </message>
    <message>
        <source>Clinic articles exported</source>
        <translation>Articles de la clinique exportés</translation>
    </message>
    <message>
        <source>Could not export:
{error}</source>
        <translation>Exportation impossible&#xa0;:
{error}</translation>
    </message>
    <message>
        <source>Saved article is in the search.</source>
        <translation>L&apos;article enregistré est maintenant dans la recherche.</translation>
    </message>
    <message>
        <source>The saved article could not be indexed: {error}</source>
        <translation>L&apos;article enregistré n&apos;a pas pu être indexé&#xa0;: {error}</translation>
    </message>
    <message>
        <source>{title} (autosaved {when})</source>
        <translation>{title} (enregistré automatiquement le {when})</translation>
    </message>
    <message>
        <source>Unsaved articles</source>
        <translation>Articles non enregistrés</translation>
    </message>
    <message>
        <source>The guide closed before these articles were saved:</source>
        <translation>Le guide s&apos;est fermé avant l&apos;enregistrement de ces articles&#xa0;:</translation>
    </message>
    <message>
        <source>The guide closed before this article was saved:</source>
        <translation>Le guide s&apos;est fermé avant l&apos;enregistrement de cet article&#xa0;:</translation>
    </message>
    <message>
        <source>Open to finish and save, or keep them for later.</source>
        <translation>Ouvrez-les pour les terminer et les enregistrer, ou gardez-les pour plus tard.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Plus &amp;tard</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>Recovered from an autosaved draft: save it to keep it.</source>
        <translation>Récupéré d&apos;un brouillon enregistré automatiquement&#xa0;: enregistrez-le pour le garder.</translation>
    </message>
</context>
<context>
    <name>BookmarksDialog</name>
    <message>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <source>Enter opens a bookmark; Delete removes it.</source>
        <translation>Entrée ouvre un signet&#xa0;; Suppr le retire.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>{id} (missing)</source>
        <translation>{id} (introuvable)</translation>
    </message>
</context>
<context>
    <name>ClinicFields</name>
    <message>
        <source>Clinic name</source>
        <translation>Nom de la clinique</translation>
    </message>
    <message>
        <source>Address or phone number</source>
        <translation>Adresse ou numéro de téléphone</translation>
    </message>
    <message>
        <source>Contact line</source>
        <translation>Ligne de contact</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>Fichier du logo</translation>
    </message>
    <message>
        <source>A PNG, JPEG or SVG printed at the top of handouts; empty for none</source>
        <translation>Un PNG, JPEG ou SVG imprimé en haut des fiches&#xa0;; vide pour aucun</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>Choose logo file</source>
        <translation>Choisir le fichier du logo</translation>
    </message>
    <message>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Nom de la clinique&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Contact line:</source>
        <translation>Ligne de &amp;contact&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo&#xa0;:</translation>
    </message>
    <message>
        <source>Clinic logo</source>
        <translation>Logo de la clinique</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>ClinicSettingsDialog</name>
    <message>
        <source>Clinic details</source>
        <translation>Coordonnées de la clinique</translation>
    </message>
</context>
<context>
    <name>ContentsDock</name>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Sommaire</translation>
    </message>
    <message>
        <source>Show the sections of an article beside it</source>
        <translation>Afficher les sections d&apos;un article à côté de lui</translation>
    </message>
</context>
<context>
    <name>ContentsPanel</name>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>Sections of the open page; Enter scrolls the reading pane there</source>
        <translation>Sections de la page ouverte&#xa0;; Entrée y fait défiler le volet de lecture</translation>
    </message>
    <message>
        <source>This page has no sections.</source>
        <translation>Cette page n&apos;a pas de sections.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Article text (Markdown)</source>
        <translation>Texte de l&apos;article (Markdown)</translation>
    </message>
    <message>
        <source>Write the article here. ## starts a section; - starts a list item.</source>
        <translation>Rédigez l&apos;article ici. ## commence une section&#xa0;; - commence un élément de liste.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>One or two plain sentences, shown under the title and on handouts</source>
        <translation>Une ou deux phrases simples, affichées sous le titre et sur les fiches</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Autres noms</translation>
    </message>
    <message>
        <source>Other names people search for, separated by commas</source>
        <translation>Autres noms, séparés par des virgules</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>Keywords, separated by commas</source>
        <translation>Séparés par des virgules</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>Relu par</translation>
    </message>
    <message>
        <source>Name of the health worker who checked it</source>
        <translation>Soignant qui l&apos;a vérifié</translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation>Relu le</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>Prochaine relecture</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>One source per line (a title or a web address)</source>
        <translation>Une source par ligne (un titre ou une adresse web)</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Where the article appears in the tree; type a name to make a new topic</source>
        <translation>Où l&apos;article apparaît dans l&apos;arbre&#xa0;; tapez un nom pour créer un nouveau thème</translation>
    </message>
    <message>
        <source>An article&apos;s topic is its folder; it stays fixed once saved so links keep working</source>
        <translation>Le thème d&apos;un article est son dossier&#xa0;; il ne change plus une fois enregistré, pour que les liens restent valables</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Reviewed today</source>
        <translation>Relu aujourd&apos;hui</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itre&#xa0;:</translation>
    </message>
    <message>
        <source>To&amp;pic:</source>
        <translation>T&amp;hème&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>&amp;Résumé&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Aliases:</source>
        <translation>A&amp;utres noms&#xa0;:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Mots-&amp;clés&#xa0;:</translation>
    </message>
    <message>
        <source>Reviewed &amp;by:</source>
        <translation>Relu &amp;par&#xa0;:</translation>
    </message>
    <message>
        <source>Reviewed &amp;on:</source>
        <translation>Relu &amp;le&#xa0;:</translation>
    </message>
    <message>
        <source>Sour&amp;ces:</source>
        <translation>Sourc&amp;es&#xa0;:</translation>
    </message>
    <message>
        <source>Review d&amp;ue:</source>
        <translation>Prochaine relec&amp;ture&#xa0;:</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Édition</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the article</source>
        <translation>Enregistrer l&apos;article</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Section heading (##)</source>
        <translation>Titre de section (##)</translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation>Sous-titre</translation>
    </message>
    <message>
        <source>Subsection heading (###)</source>
        <translation>Titre de sous-section (###)</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Gras</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Liste</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Liste à puces</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. Liste</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Liste numérotée</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Lien…</translation>
    </message>
    <message>
        <source>Link to another article</source>
        <translation>Lien vers un autre article</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Image…</translation>
    </message>
    <message>
        <source>Picture from a file</source>
        <translation>Image depuis un fichier</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Print as a handout</source>
        <translation>Imprimer comme fiche</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Save the handout as a PDF</source>
        <translation>Enregistrer la fiche en PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the editor</source>
        <translation>Fermer l&apos;éditeur</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>Nouvel article</translation>
    </message>
    <message>
        <source>{title} — Article editor</source>
        <translation>{title} — Éditeur d&apos;articles</translation>
    </message>
    <message>
        <source>The preview could not be made: {error}</source>
        <translation>L&apos;aperçu n&apos;a pas pu être créé&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>Ligne {line}</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>{where}: {severity}: {message}</source>
        <translation>{where}&#xa0;: {severity}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Aucun problème trouvé.</translation>
    </message>
    <message>
        <source>1 problem to look at.</source>
        <translation>1 problème à examiner.</translation>
    </message>
    <message>
        <source>{count} problems to look at.</source>
        <translation>{count} problèmes à examiner.</translation>
    </message>
    <message>
        <source>Insert picture</source>
        <translation>Insérer une image</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.svg *.webp *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.svg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Could not copy {file} into the clinic library: {error}</source>
        <translation>Impossible de copier {file} dans la bibliothèque de la clinique&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Autosave failed: {error}. Save soon.</source>
        <translation>L&apos;enregistrement automatique a échoué&#xa0;: {error}. Enregistrez bientôt.</translation>
    </message>
    <message>
        <source>Save article</source>
        <translation>Enregistrer l&apos;article</translation>
    </message>
    <message>
        <source>Give the article a title first.</source>
        <translation>Donnez d&apos;abord un titre à l&apos;article.</translation>
    </message>
    <message>
        <source>Saved as {file}.</source>
        <translation>Enregistré sous {file}.</translation>
    </message>
    <message>
        <source>Article changed on disk</source>
        <translation>Article modifié sur le disque</translation>
    </message>
    <message>
        <source>{file} was changed since you opened it, perhaps in another window or on another computer.</source>
        <translation>{file} a été modifié depuis que vous l&apos;avez ouvert, peut-être dans une autre fenêtre ou sur un autre ordinateur.</translation>
    </message>
    <message>
        <source>Keep both: your version is saved as a second article beside it.</source>
        <translation>Garder les deux&#xa0;: votre version est enregistrée comme un second article à côté.</translation>
    </message>
    <message>
        <source>&amp;Keep both</source>
        <translation>&amp;Garder les deux</translation>
    </message>
    <message>
        <source>&amp;Replace theirs</source>
        <translation>&amp;Remplacer l&apos;autre</translation>
    </message>
    <message>
        <source>Your text is kept here and in an autosaved draft</source>
        <translation>Votre texte est gardé ici et dans un brouillon enregistré automatiquement</translation>
    </message>
    <message>
        <source>Your text is kept here (the autosave failed too: copy it somewhere safe)</source>
        <translation>Votre texte est gardé ici (l&apos;enregistrement automatique a aussi échoué&#xa0;: copiez-le en lieu sûr)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <source>Could not save {file} in {folder}: {reason}.

The clinic folder may be read-only or full. {kept}; it is offered again at the next start.</source>
        <translation>Impossible d&apos;enregistrer {file} dans {folder}&#xa0;: {reason}.

Le dossier de la clinique est peut-être en lecture seule ou plein. {kept}&#xa0;; il sera proposé de nouveau au prochain démarrage.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to “{title}” before closing?</source>
        <translation>Enregistrer les modifications de «&#xa0;{title}&#xa0;» avant de fermer&#xa0;?</translation>
    </message>
    <message>
        <source>{problem}; the front matter is kept in the text below.</source>
        <translation>{problem}&#xa0;; l&apos;en-tête est gardé dans le texte ci-dessous.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in page</source>
        <translation>Rechercher dans la page</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number} sur {count}</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucun résultat</translation>
    </message>
</context>
<context>
    <name>HandoutActions</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Aperçu avant impression…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exporter en PDF…</translation>
    </message>
    <message>
        <source>&amp;Clinic details…</source>
        <translation>&amp;Coordonnées de la clinique…</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Handout saved</source>
        <translation>Fiche enregistrée</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Enregistré dans {path}</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Print handout</source>
        <translation>Imprimer une fiche</translation>
    </message>
    <message>
        <source>{article}: {section}</source>
        <translation>{article} – {section}</translation>
    </message>
    <message>
        <source>&amp;Large print</source>
        <translation>&amp;Gros caractères</translation>
    </message>
    <message>
        <source>Clinic details…</source>
        <translation>Coordonnées de la clinique…</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papier&#xa0;:</translation>
    </message>
    <message>
        <source>Choose sections:</source>
        <translation>Choisissez les sections&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>A&amp;perçu…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Tick at least one section to print.</source>
        <translation>Cochez au moins une section à imprimer.</translation>
    </message>
    <message>
        <source>Save handout as PDF</source>
        <translation>Enregistrer la fiche en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save {path}:
{error}</source>
        <translation>Impossible d&apos;enregistrer {path}&#xa0;:
{error}</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
</context>
<context>
    <name>LibrariesDialog</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifiée</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installée</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliothèques</translation>
    </message>
    <message>
        <source>Libraries installed on this computer, beside the bundled guide. Each appears as a topic of its own.</source>
        <translation>Bibliothèques installées sur cet ordinateur, en plus du guide fourni. Chacune apparaît comme un thème à part.</translation>
    </message>
    <message>
        <source>Installed libraries</source>
        <translation>Bibliothèques installées</translation>
    </message>
    <message>
        <source>No other libraries are installed. Use Install from file… to add one (a .guidepack file).</source>
        <translation>Aucune autre bibliothèque n&apos;est installée. Utilisez Installer depuis un fichier… pour en ajouter une (un fichier .guidepack).</translation>
    </message>
    <message>
        <source>No libraries are installed. Use Install from file… to add one (a .guidepack file).</source>
        <translation>Aucune bibliothèque n&apos;est installée. Utilisez Installer depuis un fichier… pour en ajouter une (un fichier .guidepack).</translation>
    </message>
    <message>
        <source>Install progress</source>
        <translation>Progression de l&apos;installation</translation>
    </message>
    <message>
        <source>&amp;Install from file…</source>
        <translation>&amp;Installer depuis un fichier…</translation>
    </message>
    <message>
        <source>&amp;Roll back</source>
        <translation>&amp;Revenir en arrière</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>&amp;Verify now</source>
        <translation>&amp;Vérifier maintenant</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>Yes ({who})</source>
        <translation>Oui ({who})</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Unsigned, or signed by a publisher key this computer does not trust</source>
        <translation>Non signée, ou signée par une clé d&apos;éditeur à laquelle cet ordinateur ne fait pas confiance</translation>
    </message>
    <message>
        <source>Signed with the trusted key of {who} (key {key})</source>
        <translation>Signée avec la clé de confiance de {who} (clé {key})</translation>
    </message>
    <message>
        <source>Installed for every user of this computer</source>
        <translation>Installée pour tous les utilisateurs de cet ordinateur</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Intégrée</translation>
    </message>
    <message>
        <source>With the app</source>
        <translation>Avec l&apos;application</translation>
    </message>
    <message>
        <source>Comes with the application and is updated with it; it cannot be removed or rolled back</source>
        <translation>Fournie avec l&apos;application et mise à jour avec elle&#xa0;; impossible de la retirer ou de revenir en arrière</translation>
    </message>
    <message>
        <source>Go back to version {version}</source>
        <translation>Revenir à la version {version}</translation>
    </message>
    <message>
        <source>Library not changed</source>
        <translation>Bibliothèque inchangée</translation>
    </message>
    <message>
        <source>Install a library</source>
        <translation>Installer une bibliothèque</translation>
    </message>
    <message>
        <source>Health guide packs (*.guidepack)</source>
        <translation>Paquets du guide de santé (*.guidepack)</translation>
    </message>
    <message>
        <source>Checking the signature</source>
        <translation>Vérification de la signature</translation>
    </message>
    <message>
        <source>{file} is {what}.

This computer installs only libraries from trusted publishers.</source>
        <translation>{file}&#xa0;: {what}.

Cet ordinateur n&apos;installe que des bibliothèques d&apos;éditeurs de confiance.</translation>
    </message>
    <message>
        <source>Library not installed</source>
        <translation>Bibliothèque non installée</translation>
    </message>
    <message>
        <source>{file} was not installed.</source>
        <translation>{file} n&apos;a pas été installé.</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Unverified library</source>
        <translation>Bibliothèque non vérifiée</translation>
    </message>
    <message>
        <source>{file} is {what}.</source>
        <translation>{file}&#xa0;: {what}.</translation>
    </message>
    <message>
        <source>Nobody can tell who made it or whether it was changed on the way. Install it only if you know where it came from.

Install it anyway?</source>
        <translation>Personne ne peut dire qui l&apos;a faite ni si elle a été modifiée en chemin. Ne l&apos;installez que si vous savez d&apos;où elle vient.

L&apos;installer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>{title} went back from version {old} to {new}.</source>
        <translation>{title} est revenu de la version {old} à la version {new}.</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>Retour en arrière</translation>
    </message>
    <message>
        <source>Remove library</source>
        <translation>Retirer la bibliothèque</translation>
    </message>
    <message>
        <source>Remove {title} ({count} articles) from this computer?</source>
        <translation>Retirer {title} ({count} articles) de cet ordinateur&#xa0;?</translation>
    </message>
    <message>
        <source>{title} was removed.</source>
        <translation>{title} a été retiré.</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <source>Link to an article</source>
        <translation>Lien vers un article</translation>
    </message>
    <message>
        <source>Type words from the title or the text</source>
        <translation>Tapez des mots du titre ou du texte</translation>
    </message>
    <message>
        <source>Find article to link to</source>
        <translation>Trouver l&apos;article à lier</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>&amp;Article:</source>
        <translation>&amp;Article&#xa0;:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open content folder…</source>
        <translation>&amp;Ouvrir un dossier de contenu…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Find in page</source>
        <translation>&amp;Rechercher dans la page</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>Taille &amp;normale</translation>
    </message>
    <message>
        <source>Articles &amp;easier first</source>
        <translation>Articles les plus &amp;faciles d&apos;abord</translation>
    </message>
    <message>
        <source>List a topic&apos;s articles by reading level, the easiest to read first</source>
        <translation>Classer les articles d&apos;un thème par niveau de lecture, les plus faciles d&apos;abord</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>A&amp;pparence</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <source>Focus &amp;search</source>
        <translation>Aller à la &amp;recherche</translation>
    </message>
    <message>
        <source>Next &amp;pane</source>
        <translation>&amp;Volet suivant</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Signets</translation>
    </message>
    <message>
        <source>&amp;Add or remove bookmark</source>
        <translation>&amp;Ajouter ou retirer un signet</translation>
    </message>
    <message>
        <source>&amp;Show bookmarks…</source>
        <translation>A&amp;fficher les signets…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Content &amp;problems</source>
        <translation>&amp;Problèmes du contenu</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À pr&amp;opos</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Health guide</source>
        <translation>Guide de santé</translation>
    </message>
    <message>
        <source>&amp;Libraries…</source>
        <translation>&amp;Bibliothèques…</translation>
    </message>
    <message>
        <source>Install, update, roll back or remove content libraries</source>
        <translation>Installer, mettre à jour, revenir en arrière ou retirer des bibliothèques de contenu</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <source>Topics and their articles</source>
        <translation>Thèmes et leurs articles</translation>
    </message>
    <message>
        <source>Indexing %p%</source>
        <translation>Indexation %p%</translation>
    </message>
    <message>
        <source>Search index progress</source>
        <translation>Progression de l&apos;index de recherche</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Rechercher dans le guide</translation>
    </message>
    <message>
        <source>Search the guide, for example: {example}</source>
        <translation>Rechercher dans le guide, par exemple&#xa0;: {example}</translation>
    </message>
    <message>
        <source>Not found: {id}</source>
        <translation>Introuvable&#xa0;: {id}</translation>
    </message>
    <message>
        <source>Open outside the guide?</source>
        <translation>Ouvrir hors du guide&#xa0;?</translation>
    </message>
    <message>
        <source>This link leads outside the guide:

{url}

It opens in the web browser and needs an internet connection, and the clinic may be offline right now. Open it?</source>
        <translation>Ce lien mène hors du guide&#xa0;:

{url}

Il s&apos;ouvre dans le navigateur web et demande une connexion à internet, que la clinique n&apos;a peut-être pas en ce moment. L&apos;ouvrir&#xa0;?</translation>
    </message>
    <message>
        <source>Sorting the articles by reading level, easiest first… The list below changes when this is done.</source>
        <translation>Classement des articles par niveau de lecture, les plus faciles d&apos;abord… La liste ci-dessous changera une fois terminé.</translation>
    </message>
    <message>
        <source>Remove &amp;bookmark</source>
        <translation>&amp;Retirer le signet</translation>
    </message>
    <message>
        <source>Add &amp;bookmark</source>
        <translation>&amp;Ajouter un signet</translation>
    </message>
    <message>
        <source>Open an article to bookmark it.</source>
        <translation>Ouvrez un article pour l&apos;ajouter aux signets.</translation>
    </message>
    <message>
        <source>Bookmark added.</source>
        <translation>Signet ajouté.</translation>
    </message>
    <message>
        <source>Bookmark removed.</source>
        <translation>Signet retiré.</translation>
    </message>
    <message>
        <source>{problems} — see Help</source>
        <translation>{problems} — voir Aide</translation>
    </message>
    <message>
        <source>Your settings and bookmarks files could not be read — details</source>
        <translation>Vos fichiers de réglages et de signets n&apos;ont pas pu être lus — détails</translation>
    </message>
    <message>
        <source>Your settings file could not be read — details</source>
        <translation>Votre fichier de réglages n&apos;a pas pu être lu — détails</translation>
    </message>
    <message>
        <source>Your bookmarks file could not be read — details</source>
        <translation>Votre fichier de signets n&apos;a pas pu être lu — détails</translation>
    </message>
    <message>
        <source>Unreadable files kept aside</source>
        <translation>Fichiers illisibles mis de côté</translation>
    </message>
    <message>
        <source>Content problems</source>
        <translation>Problèmes du contenu</translation>
    </message>
    <message>
        <source>About Health guide</source>
        <translation>À propos du Guide de santé</translation>
    </message>
    <message>
        <source>Open content folder</source>
        <translation>Ouvrir un dossier de contenu</translation>
    </message>
    <message>
        <source>Content folder added</source>
        <translation>Dossier de contenu ajouté</translation>
    </message>
    <message>
        <source>The folder is used from the next start.</source>
        <translation>Le dossier sera utilisé à partir du prochain démarrage.</translation>
    </message>
    <message>
        <source>Search index ready.</source>
        <translation>Index de recherche prêt.</translation>
    </message>
    <message>
        <source>Search is not available: {error}</source>
        <translation>La recherche n&apos;est pas disponible&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the notice</source>
        <translation>Fermer l&apos;avis</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>System default follows the light or dark setting of the computer</source>
        <translation>Par défaut du système suit le réglage clair ou sombre de l&apos;ordinateur</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source>Size of the reading pane&apos;s text; also Ctrl+Plus and Ctrl+Minus</source>
        <translation>Taille du texte du volet de lecture&#xa0;; aussi Ctrl+Plus et Ctrl+Moins</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language shows when the guide starts again.</source>
        <translation>La nouvelle langue s&apos;affichera au prochain démarrage du guide.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Apparence&#xa0;:</translation>
    </message>
    <message>
        <source>Te&amp;xt size:</source>
        <translation>Taille du te&amp;xte&#xa0;:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Lang&amp;ue&#xa0;:</translation>
    </message>
    <message>
        <source>Follow the language setting ({paper})</source>
        <translation>Selon le réglage de langue ({paper})</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <source>Large p&amp;rint by default</source>
        <translation>&amp;Gros caractères par défaut</translation>
    </message>
    <message>
        <source>Large print by default</source>
        <translation>Gros caractères par défaut</translation>
    </message>
    <message>
        <source>Handouts start in at least 16 point text</source>
        <translation>Les fiches commencent avec un texte d&apos;au moins 16 points</translation>
    </message>
    <message>
        <source>Handouts</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papier&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>No problems found in the content.</source>
        <translation>Aucun problème trouvé dans le contenu.</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Reading pane</source>
        <translation>Volet de lecture</translation>
    </message>
    <message>
        <source>The open article or topic</source>
        <translation>L&apos;article ou le thème ouvert</translation>
    </message>
</context>
<context>
    <name>ReadingLevelLabel</name>
    <message>
        <source>Reading level</source>
        <translation>Niveau de lecture</translation>
    </message>
    <message>
        <source>Reading level: {level}</source>
        <translation>Niveau de lecture&#xa0;: {level}</translation>
    </message>
    <message>
        <source>Working out reading levels: {done} of {count}…</source>
        <translation>Calcul des niveaux de lecture&#xa0;: {done} sur {count}…</translation>
    </message>
    <message>
        <source>Reading levels not available: {error}</source>
        <translation>Niveaux de lecture non disponibles&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search (Ctrl+K)</source>
        <translation>Rechercher (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Type words to find articles; Down moves into the results</source>
        <translation>Tapez des mots pour trouver des articles&#xa0;; Flèche bas passe aux résultats</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Articles found; Enter opens one, Escape goes back to the search box</source>
        <translation>Articles trouvés&#xa0;; Entrée en ouvre un, Échap revient à la zone de recherche</translation>
    </message>
    <message>
        <source>Matching titles</source>
        <translation>Titres correspondants</translation>
    </message>
    <message>
        <source>Articles whose title matches what you typed; Enter opens one</source>
        <translation>Articles dont le titre correspond à ce que vous avez tapé&#xa0;; Entrée en ouvre un</translation>
    </message>
    <message>
        <source>Search failed: {error}</source>
        <translation>La recherche a échoué&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Showing results for {corrected} — search instead for {query}</source>
        <translation>Résultats pour {corrected} — rechercher plutôt {query}</translation>
    </message>
    <message>
        <source>No articles found.</source>
        <translation>Aucun article trouvé.</translation>
    </message>
    <message>
        <source>also in: {places}</source>
        <translation>aussi dans&#xa0;: {places}</translation>
    </message>
    <message>
        <source>(from {source})</source>
        <translation>(de {source})</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Open the result</source>
        <translation>Ouvrir le résultat</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Find in page</source>
        <translation>Rechercher dans la page</translation>
    </message>
    <message>
        <source>Next / previous match</source>
        <translation>Résultat suivant / précédent</translation>
    </message>
    <message>
        <source>Enter / Shift+Enter / F3</source>
        <translation>Entrée / Maj+Entrée / F3</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <source>Open the highlighted item</source>
        <translation>Ouvrir l&apos;élément en surbrillance</translation>
    </message>
    <message>
        <source>Arrow keys, then a moment&apos;s pause; or Enter</source>
        <translation>Flèches, puis une courte pause&#xa0;; ou Entrée</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <source>The task could not finish: {error}</source>
        <translation>La tâche n&apos;a pas pu aboutir&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>TopicModel</name>
    <message>
        <source>Topics</source>
        <translation>Thèmes</translation>
    </message>
</context>
<context>
    <name>TreeFilter</name>
    <message>
        <source>Filter topics ({keys})</source>
        <translation>Filtrer les thèmes ({keys})</translation>
    </message>
    <message>
        <source>Filter topics</source>
        <translation>Filtrer les thèmes</translation>
    </message>
    <message>
        <source>Type words to keep only the topics and articles whose titles have them</source>
        <translation>Tapez des mots pour ne garder que les thèmes et articles dont le titre les contient</translation>
    </message>
    <message>
        <source>&amp;Filter topics</source>
        <translation>F&amp;iltrer les thèmes</translation>
    </message>
    <message>
        <source>Type to keep only the topics and articles that match</source>
        <translation>Tapez pour ne garder que les thèmes et articles correspondants</translation>
    </message>
    <message>
        <source>1 article matches</source>
        <translation>1 article correspond</translation>
    </message>
    <message>
        <source>{count} articles match</source>
        <translation>{count} articles correspondent</translation>
    </message>
    <message>
        <source>1 article shown</source>
        <translation>1 article affiché</translation>
    </message>
    <message>
        <source>{count} articles shown</source>
        <translation>{count} articles affichés</translation>
    </message>
</context>
</TS>
