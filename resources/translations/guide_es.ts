<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>About</name>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>{count} articles; newest review {date}.</source>
        <translation>{count} artículos; revisión más reciente: {date}.</translation>
    </message>
    <message>
        <source>Works without a network.</source>
        <translation>Funciona sin red.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Articles changed on disk since the last start: topics updated.</source>
        <translation>Los artículos cambiaron en el disco desde el último inicio: temas actualizados.</translation>
    </message>
    <message>
        <source>Open content folder…</source>
        <translation>Abrir carpeta de contenido…</translation>
    </message>
</context>
<context>
    <name>Authoring</name>
    <message>
        <source>&amp;Article</source>
        <translation>A&amp;rtículo</translation>
    </message>
    <message>
        <source>&amp;New article</source>
        <translation>&amp;Nuevo artículo</translation>
    </message>
    <message>
        <source>Write a new clinic article</source>
        <translation>Escribir un artículo nuevo de la clínica</translation>
    </message>
    <message>
        <source>&amp;Edit this article</source>
        <translation>&amp;Editar este artículo</translation>
    </message>
    <message>
        <source>Change the open clinic article</source>
        <translation>Cambiar el artículo de la clínica abierto</translation>
    </message>
    <message>
        <source>Make a clinic &amp;copy</source>
        <translation>Hacer una &amp;copia para la clínica</translation>
    </message>
    <message>
        <source>An editable copy of this article in the clinic library</source>
        <translation>Una copia editable de este artículo en la biblioteca de la clínica</translation>
    </message>
    <message>
        <source>&amp;Import document…</source>
        <translation>&amp;Importar documento…</translation>
    </message>
    <message>
        <source>Word, web pages and text as new drafts</source>
        <translation>Word, páginas web y texto como borradores nuevos</translation>
    </message>
    <message>
        <source>E&amp;xport clinic articles…</source>
        <translation>E&amp;xportar artículos de la clínica…</translation>
    </message>
    <message>
        <source>The Clinic articles library as one content pack, to install on other workstations</source>
        <translation>La biblioteca de artículos de la clínica como un paquete de contenido, para instalarla en otros equipos</translation>
    </message>
    <message>
        <source>Clinic articles</source>
        <translation>Artículos de la clínica</translation>
    </message>
    <message>
        <source>No clinic library is set up in this window.</source>
        <translation>No hay una biblioteca de la clínica preparada en esta ventana.</translation>
    </message>
    <message>
        <source>Open an article to edit it.</source>
        <translation>Abra un artículo para editarlo.</translation>
    </message>
    <message>
        <source>Edit this article</source>
        <translation>Editar este artículo</translation>
    </message>
    <message>
        <source>“{title}” is part of a library that cannot be changed.

Make a clinic copy to edit? The copy is saved in Clinic articles and says where it came from.</source>
        <translation>«{title}» forma parte de una biblioteca que no se puede cambiar.

¿Hacer una copia para la clínica y editarla? La copia se guarda en Artículos de la clínica e indica de dónde viene.</translation>
    </message>
    <message>
        <source>A copy of “{title}”: save it to keep it in Clinic articles.</source>
        <translation>Una copia de «{title}»: guárdela para conservarla en Artículos de la clínica.</translation>
    </message>
    <message>
        <source>Import document</source>
        <translation>Importar documento</translation>
    </message>
    <message>
        <source>Documents ({patterns});;All files (*)</source>
        <translation>Documentos ({patterns});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Importing {count} documents…</source>
        <translation>Importando {count} documentos…</translation>
    </message>
    <message>
        <source>Importing 1 document…</source>
        <translation>Importando 1 documento…</translation>
    </message>
    <message>
        <source>Imported as a draft: check it, review it and save.</source>
        <translation>Importado como borrador: compruébelo, revíselo y guárdelo.</translation>
    </message>
    <message>
        <source>1 document imported.</source>
        <translation>1 documento importado.</translation>
    </message>
    <message>
        <source>{count} documents imported.</source>
        <translation>{count} documentos importados.</translation>
    </message>
    <message>
        <source>Could not import:
{problems}</source>
        <translation>No se pudo importar:
{problems}</translation>
    </message>
    <message>
        <source>Export clinic articles</source>
        <translation>Exportar artículos de la clínica</translation>
    </message>
    <message>
        <source>Content packs (*.guidepack);;Zip archives (*.zip)</source>
        <translation>Paquetes de contenido (*.guidepack);;Archivos zip (*.zip)</translation>
    </message>
    <message>
        <source>Exporting the clinic articles…</source>
        <translation>Exportando los artículos de la clínica…</translation>
    </message>
    <message>
        <source>1 article.</source>
        <translation>1 artículo.</translation>
    </message>
    <message>
        <source>{count} articles.</source>
        <translation>{count} artículos.</translation>
    </message>
    <message>
        <source>Install it on another workstation with File &gt; Libraries… &gt; Install from file…</source>
        <translation>Instálelo en otro equipo con Archivo &gt; Bibliotecas… &gt; Instalar desde archivo…</translation>
    </message>
    <message>
        <source>Unpack it on another workstation and add the folder with File &gt; Open content folder…</source>
        <translation>Descomprímalo en otro equipo y añada la carpeta con Archivo &gt; Abrir carpeta de contenido…</translation>
    </message>
    <message>
        <source>Clinic articles exported</source>
        <translation>Artículos de la clínica exportados</translation>
    </message>
    <message>
        <source>Could not export:
{error}</source>
        <translation>No se pudo exportar:
{error}</translation>
    </message>
    <message>
        <source>Saved article is in the search.</source>
        <translation>El artículo guardado ya aparece en la búsqueda.</translation>
    </message>
    <message>
        <source>The saved article could not be indexed: {error}</source>
        <translation>No se pudo indexar el artículo guardado: {error}</translation>
    </message>
    <message>
        <source>{title} (autosaved {when})</source>
        <translation>{title} (guardado automáticamente el {when})</translation>
    </message>
    <message>
        <source>Unsaved articles</source>
        <translation>Artículos sin guardar</translation>
    </message>
    <message>
        <source>The guide closed before these articles were saved:</source>
        <translation>La guía se cerró antes de guardar estos artículos:</translation>
    </message>
    <message>
        <source>The guide closed before this article was saved:</source>
        <translation>La guía se cerró antes de guardar este artículo:</translation>
    </message>
    <message>
        <source>Open to finish and save, or keep them for later.</source>
        <translation>Ábralos para terminarlos y guardarlos, o déjelos para más tarde.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Más tarde</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Recovered from an autosaved draft: save it to keep it.</source>
        <translation>Recuperado de un borrador guardado automáticamente: guárdelo para conservarlo.</translation>
    </message>
</context>
<context>
    <name>BookmarksDialog</name>
    <message>
        <source>Bookmarks</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <source>Enter opens a bookmark; Delete removes it.</source>
        <translation>Intro abre un marcador; Supr lo quita.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>{id} (missing)</source>
        <translation>{id} (no encontrado)</translation>
    </message>
</context>
<context>
    <name>ClinicFields</name>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Address or phone number</source>
        <translation>Dirección o número de teléfono</translation>
    </message>
    <message>
        <source>Contact line</source>
        <translation>Línea de contacto</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>Archivo del logotipo</translation>
    </message>
    <message>
        <source>A PNG, JPEG or SVG printed at the top of handouts; empty for none</source>
        <translation>Un PNG, JPEG o SVG que se imprime arriba en las hojas informativas; vacío si no hay</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>Choose logo file</source>
        <translation>Elegir el archivo del logotipo</translation>
    </message>
    <message>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Nombre de la clínica:</translation>
    </message>
    <message>
        <source>&amp;Contact line:</source>
        <translation>Línea de &amp;contacto:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logotipo:</translation>
    </message>
    <message>
        <source>Clinic logo</source>
        <translation>Logotipo de la clínica</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>ClinicSettingsDialog</name>
    <message>
        <source>Clinic details</source>
        <translation>Datos de la clínica</translation>
    </message>
</context>
<context>
    <name>ContentsDock</name>
    <message>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>Í&amp;ndice</translation>
    </message>
    <message>
        <source>Show the sections of an article beside it</source>
        <translation>Mostrar las secciones de un artículo a su lado</translation>
    </message>
</context>
<context>
    <name>ContentsPanel</name>
    <message>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <source>Sections of the open page; Enter scrolls the reading pane there</source>
        <translation>Secciones de la página abierta; Intro lleva allí el panel de lectura</translation>
    </message>
    <message>
        <source>This page has no sections.</source>
        <translation>Esta página no tiene secciones.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Article text (Markdown)</source>
        <translation>Texto del artículo (Markdown)</translation>
    </message>
    <message>
        <source>Write the article here. ## starts a section; - starts a list item.</source>
        <translation>Escriba el artículo aquí. ## empieza una sección; - empieza un elemento de lista.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>One or two plain sentences, shown under the title and on handouts</source>
        <translation>Una o dos frases sencillas, que se ven bajo el título y en las hojas informativas</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Otros nombres</translation>
    </message>
    <message>
        <source>Other names people search for, separated by commas</source>
        <translation>Otros nombres, separados por comas</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Keywords, separated by commas</source>
        <translation>Separadas por comas</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>Revisado por</translation>
    </message>
    <message>
        <source>Name of the health worker who checked it</source>
        <translation>Profesional que lo revisó</translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation>Revisado el</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>Próxima revisión</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>One source per line (a title or a web address)</source>
        <translation>Una fuente por línea (un título o una dirección web)</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Where the article appears in the tree; type a name to make a new topic</source>
        <translation>Dónde aparece el artículo en el árbol; escriba un nombre para crear un tema nuevo</translation>
    </message>
    <message>
        <source>An article&apos;s topic is its folder; it stays fixed once saved so links keep working</source>
        <translation>El tema de un artículo es su carpeta; no cambia una vez guardado para que los enlaces sigan funcionando</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Reviewed today</source>
        <translation>Revisado hoy</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;ítulo:</translation>
    </message>
    <message>
        <source>To&amp;pic:</source>
        <translation>Te&amp;ma:</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>&amp;Resumen:</translation>
    </message>
    <message>
        <source>&amp;Aliases:</source>
        <translation>&amp;Otros nombres:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Eti&amp;quetas:</translation>
    </message>
    <message>
        <source>Reviewed &amp;by:</source>
        <translation>Revisado &amp;por:</translation>
    </message>
    <message>
        <source>Reviewed &amp;on:</source>
        <translation>Revisado &amp;el:</translation>
    </message>
    <message>
        <source>Sour&amp;ces:</source>
        <translation>&amp;Fuentes:</translation>
    </message>
    <message>
        <source>Review d&amp;ue:</source>
        <translation>Próxima re&amp;visión:</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Edición</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the article</source>
        <translation>Guardar el artículo</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Encabezado</translation>
    </message>
    <message>
        <source>Section heading (##)</source>
        <translation>Encabezado de sección (##)</translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation>Subencabezado</translation>
    </message>
    <message>
        <source>Subsection heading (###)</source>
        <translation>Encabezado de subsección (###)</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Negrita</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Lista</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Lista con viñetas</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. Lista</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Lista numerada</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Enlace…</translation>
    </message>
    <message>
        <source>Link to another article</source>
        <translation>Enlace a otro artículo</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Imagen…</translation>
    </message>
    <message>
        <source>Picture from a file</source>
        <translation>Imagen desde un archivo</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print as a handout</source>
        <translation>Imprimir como hoja informativa</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <source>Save the handout as a PDF</source>
        <translation>Guardar la hoja informativa como PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the editor</source>
        <translation>Cerrar el editor</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>Artículo nuevo</translation>
    </message>
    <message>
        <source>{title} — Article editor</source>
        <translation>{title} — Editor de artículos</translation>
    </message>
    <message>
        <source>The preview could not be made: {error}</source>
        <translation>No se pudo hacer la vista previa: {error}</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>Línea {line}</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>{where}: {severity}: {message}</source>
        <translation>{where}: {severity}: {message}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No se encontraron problemas.</translation>
    </message>
    <message>
        <source>1 problem to look at.</source>
        <translation>1 problema que revisar.</translation>
    </message>
    <message>
        <source>{count} problems to look at.</source>
        <translation>{count} problemas que revisar.</translation>
    </message>
    <message>
        <source>Insert picture</source>
        <translation>Insertar imagen</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.svg *.webp *.bmp)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif *.svg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Could not copy {file} into the clinic library: {error}</source>
        <translation>No se pudo copiar {file} en la biblioteca de la clínica: {error}</translation>
    </message>
    <message>
        <source>Autosave failed: {error}. Save soon.</source>
        <translation>Falló el guardado automático: {error}. Guarde pronto.</translation>
    </message>
    <message>
        <source>Save article</source>
        <translation>Guardar artículo</translation>
    </message>
    <message>
        <source>Give the article a title first.</source>
        <translation>Primero dé un título al artículo.</translation>
    </message>
    <message>
        <source>Saved as {file}.</source>
        <translation>Guardado como {file}.</translation>
    </message>
    <message>
        <source>Article changed on disk</source>
        <translation>El artículo cambió en el disco</translation>
    </message>
    <message>
        <source>{file} was changed since you opened it, perhaps in another window or on another computer.</source>
        <translation>{file} cambió desde que lo abrió, quizá en otra ventana o en otro equipo.</translation>
    </message>
    <message>
        <source>Keep both: your version is saved as a second article beside it.</source>
        <translation>Conservar ambos: su versión se guarda como un segundo artículo a su lado.</translation>
    </message>
    <message>
        <source>&amp;Keep both</source>
        <translation>&amp;Conservar ambos</translation>
    </message>
    <message>
        <source>&amp;Replace theirs</source>
        <translation>&amp;Reemplazar el otro</translation>
    </message>
    <message>
        <source>Your text is kept here and in an autosaved draft</source>
        <translation>Su texto se conserva aquí y en un borrador guardado automáticamente</translation>
    </message>
    <message>
        <source>Your text is kept here (the autosave failed too: copy it somewhere safe)</source>
        <translation>Su texto se conserva aquí (el guardado automático también falló: cópielo en un lugar seguro)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <source>Could not save {file} in {folder}: {reason}.

The clinic folder may be read-only or full. {kept}; it is offered again at the next start.</source>
        <translation>No se pudo guardar {file} en {folder}: {reason}.

La carpeta de la clínica puede ser de solo lectura o estar llena. {kept}; se volverá a ofrecer al iniciar la próxima vez.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to “{title}” before closing?</source>
        <translation>¿Guardar los cambios de «{title}» antes de cerrar?</translation>
    </message>
    <message>
        <source>{problem}; the front matter is kept in the text below.</source>
        <translation>{problem}; la cabecera se conserva en el texto de abajo.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in page</source>
        <translation>Buscar en la página</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Buscar:</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number} de {count}</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
</context>
<context>
    <name>HandoutActions</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Vista previa de impresión…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exportar PDF…</translation>
    </message>
    <message>
        <source>&amp;Clinic details…</source>
        <translation>&amp;Datos de la clínica…</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Handout saved</source>
        <translation>Hoja informativa guardada</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Abrir carpeta</translation>
    </message>
    <message>
        <source>Print handout</source>
        <translation>Imprimir hoja informativa</translation>
    </message>
    <message>
        <source>{article}: {section}</source>
        <translation>{article} – {section}</translation>
    </message>
    <message>
        <source>&amp;Large print</source>
        <translation>&amp;Letra grande</translation>
    </message>
    <message>
        <source>Clinic details…</source>
        <translation>Datos de la clínica…</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papel:</translation>
    </message>
    <message>
        <source>Choose sections:</source>
        <translation>Elija las secciones:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Vista previa…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Guardar PDF…</translation>
    </message>
    <message>
        <source>Tick at least one section to print.</source>
        <translation>Marque al menos una sección para imprimir.</translation>
    </message>
    <message>
        <source>Save handout as PDF</source>
        <translation>Guardar la hoja informativa como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save {path}:
{error}</source>
        <translation>No se pudo guardar {path}:
{error}</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
</context>
<context>
    <name>LibrariesDialog</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Instalada</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliotecas</translation>
    </message>
    <message>
        <source>Libraries installed on this computer, beside the bundled guide. Each appears as a topic of its own.</source>
        <translation>Bibliotecas instaladas en este equipo, además de la guía incluida. Cada una aparece como un tema propio.</translation>
    </message>
    <message>
        <source>Installed libraries</source>
        <translation>Bibliotecas instaladas</translation>
    </message>
    <message>
        <source>No other libraries are installed. Use Install from file… to add one (a .guidepack file).</source>
        <translation>No hay otras bibliotecas instaladas. Use Instalar desde archivo… para añadir una (un archivo .guidepack).</translation>
    </message>
    <message>
        <source>No libraries are installed. Use Install from file… to add one (a .guidepack file).</source>
        <translation>No hay bibliotecas instaladas. Use Instalar desde archivo… para añadir una (un archivo .guidepack).</translation>
    </message>
    <message>
        <source>Install progress</source>
        <translation>Progreso de la instalación</translation>
    </message>
    <message>
        <source>&amp;Install from file…</source>
        <translation>&amp;Instalar desde archivo…</translation>
    </message>
    <message>
        <source>&amp;Roll back</source>
        <translation>&amp;Volver atrás</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>&amp;Verify now</source>
        <translation>&amp;Verificar ahora</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Yes ({who})</source>
        <translation>Sí ({who})</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Unsigned, or signed by a publisher key this computer does not trust</source>
        <translation>Sin firmar, o firmada con una clave de editor en la que este equipo no confía</translation>
    </message>
    <message>
        <source>Signed with the trusted key of {who} (key {key})</source>
        <translation>Firmada con la clave de confianza de {who} (clave {key})</translation>
    </message>
    <message>
        <source>Installed for every user of this computer</source>
        <translation>Instalada para todos los usuarios de este equipo</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Incluida</translation>
    </message>
    <message>
        <source>With the app</source>
        <translation>Con la aplicación</translation>
    </message>
    <message>
        <source>Comes with the application and is updated with it; it cannot be removed or rolled back</source>
        <translation>Viene con la aplicación y se actualiza con ella; no se puede quitar ni volver atrás</translation>
    </message>
    <message>
        <source>Go back to version {version}</source>
        <translation>Volver a la versión {version}</translation>
    </message>
    <message>
        <source>Library not changed</source>
        <translation>La biblioteca no cambió</translation>
    </message>
    <message>
        <source>Install a library</source>
        <translation>Instalar una biblioteca</translation>
    </message>
    <message>
        <source>Health guide packs (*.guidepack)</source>
        <translation>Paquetes de la guía de salud (*.guidepack)</translation>
    </message>
    <message>
        <source>Checking the signature</source>
        <translation>Comprobando la firma</translation>
    </message>
    <message>
        <source>{file} is {what}.

This computer installs only libraries from trusted publishers.</source>
        <translation>{file}: {what}.

Este equipo solo instala bibliotecas de editores de confianza.</translation>
    </message>
    <message>
        <source>Library not installed</source>
        <translation>Biblioteca no instalada</translation>
    </message>
    <message>
        <source>{file} was not installed.</source>
        <translation>{file} no se instaló.</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>Instalando</translation>
    </message>
    <message>
        <source>Unverified library</source>
        <translation>Biblioteca no verificada</translation>
    </message>
    <message>
        <source>{file} is {what}.</source>
        <translation>{file}: {what}.</translation>
    </message>
    <message>
        <source>Nobody can tell who made it or whether it was changed on the way. Install it only if you know where it came from.

Install it anyway?</source>
        <translation>Nadie puede saber quién la hizo ni si se cambió por el camino. Instálela solo si sabe de dónde viene.

¿Instalarla de todos modos?</translation>
    </message>
    <message>
        <source>{title} went back from version {old} to {new}.</source>
        <translation>{title} volvió de la versión {old} a la {new}.</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>Volviendo atrás</translation>
    </message>
    <message>
        <source>Remove library</source>
        <translation>Quitar biblioteca</translation>
    </message>
    <message>
        <source>Remove {title} ({count} articles) from this computer?</source>
        <translation>¿Quitar {title} ({count} artículos) de este equipo?</translation>
    </message>
    <message>
        <source>{title} was removed.</source>
        <translation>Se quitó {title}.</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>Quitando</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Verificando</translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <source>Link to an article</source>
        <translation>Enlazar a un artículo</translation>
    </message>
    <message>
        <source>Type words from the title or the text</source>
        <translation>Escriba palabras del título o del texto</translation>
    </message>
    <message>
        <source>Find article to link to</source>
        <translation>Buscar el artículo que enlazar</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>&amp;Article:</source>
        <translation>&amp;Artículo:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open content folder…</source>
        <translation>&amp;Abrir carpeta de contenido…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Find in page</source>
        <translation>&amp;Buscar en la página</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Tamaño normal</translation>
    </message>
    <message>
        <source>Articles &amp;easier first</source>
        <translation>Artículos más fá&amp;ciles primero</translation>
    </message>
    <message>
        <source>List a topic&apos;s articles by reading level, the easiest to read first</source>
        <translation>Ordenar los artículos de un tema por nivel de lectura, los más fáciles primero</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>Tema de co&amp;lores</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>Focus &amp;search</source>
        <translation>Ir a la &amp;búsqueda</translation>
    </message>
    <message>
        <source>Next &amp;pane</source>
        <translation>&amp;Panel siguiente</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Marcadores</translation>
    </message>
    <message>
        <source>&amp;Add or remove bookmark</source>
        <translation>&amp;Añadir o quitar marcador</translation>
    </message>
    <message>
        <source>&amp;Show bookmarks…</source>
        <translation>&amp;Ver marcadores…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>Content &amp;problems</source>
        <translation>&amp;Problemas del contenido</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>Health guide</source>
        <translation>Guía de salud</translation>
    </message>
    <message>
        <source>&amp;Libraries…</source>
        <translation>&amp;Bibliotecas…</translation>
    </message>
    <message>
        <source>Install, update, roll back or remove content libraries</source>
        <translation>Instalar, actualizar, volver atrás o quitar bibliotecas de contenido</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>Topics and their articles</source>
        <translation>Temas y sus artículos</translation>
    </message>
    <message>
        <source>Indexing %p%</source>
        <translation>Indexando %p%</translation>
    </message>
    <message>
        <source>Search index progress</source>
        <translation>Progreso del índice de búsqueda</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Buscar en la guía</translation>
    </message>
    <message>
        <source>Search the guide, for example: {example}</source>
        <translation>Buscar en la guía, por ejemplo: {example}</translation>
    </message>
    <message>
        <source>Not found: {id}</source>
        <translation>No encontrado: {id}</translation>
    </message>
    <message>
        <source>Open outside the guide?</source>
        <translation>¿Abrir fuera de la guía?</translation>
    </message>
    <message>
        <source>This link leads outside the guide:

{url}

It opens in the web browser and needs an internet connection, and the clinic may be offline right now. Open it?</source>
        <translation>Este enlace lleva fuera de la guía:

{url}

Se abre en el navegador web y necesita conexión a internet, y puede que la clínica no tenga conexión ahora. ¿Abrirlo?</translation>
    </message>
    <message>
        <source>Sorting the articles by reading level, easiest first… The list below changes when this is done.</source>
        <translation>Ordenando los artículos por nivel de lectura, los más fáciles primero… La lista de abajo cambiará al terminar.</translation>
    </message>
    <message>
        <source>Remove &amp;bookmark</source>
        <translation>&amp;Quitar marcador</translation>
    </message>
    <message>
        <source>Add &amp;bookmark</source>
        <translation>&amp;Añadir marcador</translation>
    </message>
    <message>
        <source>Open an article to bookmark it.</source>
        <translation>Abra un artículo para añadirlo a los marcadores.</translation>
    </message>
    <message>
        <source>Bookmark added.</source>
        <translation>Marcador añadido.</translation>
    </message>
    <message>
        <source>Bookmark removed.</source>
        <translation>Marcador quitado.</translation>
    </message>
    <message>
        <source>{problems} — see Help</source>
        <translation>{problems} — vea Ayuda</translation>
    </message>
    <message>
        <source>Your settings and bookmarks files could not be read — details</source>
        <translation>No se pudieron leer sus archivos de ajustes y de marcadores — detalles</translation>
    </message>
    <message>
        <source>Your settings file could not be read — details</source>
        <translation>No se pudo leer su archivo de ajustes — detalles</translation>
    </message>
    <message>
        <source>Your bookmarks file could not be read — details</source>
        <translation>No se pudo leer su archivo de marcadores — detalles</translation>
    </message>
    <message>
        <source>Unreadable files kept aside</source>
        <translation>Archivos ilegibles apartados</translation>
    </message>
    <message>
        <source>Content problems</source>
        <translation>Problemas del contenido</translation>
    </message>
    <message>
        <source>About Health guide</source>
        <translation>Acerca de la Guía de salud</translation>
    </message>
    <message>
        <source>Open content folder</source>
        <translation>Abrir carpeta de contenido</translation>
    </message>
    <message>
        <source>Content folder added</source>
        <translation>Carpeta de contenido añadida</translation>
    </message>
    <message>
        <source>The folder is used from the next start.</source>
        <translation>La carpeta se usará a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>Search index ready.</source>
        <translation>Índice de búsqueda listo.</translation>
    </message>
    <message>
        <source>Search is not available: {error}</source>
        <translation>La búsqueda no está disponible: {error}</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the notice</source>
        <translation>Cerrar el aviso</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema de colores</translation>
    </message>
    <message>
        <source>System default follows the light or dark setting of the computer</source>
        <translation>Predeterminado del sistema sigue el ajuste claro u oscuro del equipo</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Size of the reading pane&apos;s text; also Ctrl+Plus and Ctrl+Minus</source>
        <translation>Tamaño del texto del panel de lectura; también Ctrl+Más y Ctrl+Menos</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language shows when the guide starts again.</source>
        <translation>El nuevo idioma se verá cuando la guía se vuelva a abrir.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema de colores:</translation>
    </message>
    <message>
        <source>Te&amp;xt size:</source>
        <translation>Tamaño del te&amp;xto:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Follow the language setting ({paper})</source>
        <translation>Según el ajuste de idioma ({paper})</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>Large p&amp;rint by default</source>
        <translation>Letra &amp;grande por defecto</translation>
    </message>
    <message>
        <source>Large print by default</source>
        <translation>Letra grande por defecto</translation>
    </message>
    <message>
        <source>Handouts start in at least 16 point text</source>
        <translation>Las hojas informativas empiezan con texto de al menos 16 puntos</translation>
    </message>
    <message>
        <source>Handouts</source>
        <translation>Hojas informativas</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papel:</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>No problems found in the content.</source>
        <translation>No se encontraron problemas en el contenido.</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>Reading pane</source>
        <translation>Panel de lectura</translation>
    </message>
    <message>
        <source>The open article or topic</source>
        <translation>El artículo o tema abierto</translation>
    </message>
</context>
<context>
    <name>ReadingLevelLabel</name>
    <message>
        <source>Reading level</source>
        <translation>Nivel de lectura</translation>
    </message>
    <message>
        <source>Reading level: {level}</source>
        <translation>Nivel de lectura: {level}</translation>
    </message>
    <message>
        <source>Working out reading levels: {done} of {count}…</source>
        <translation>Calculando niveles de lectura: {done} de {count}…</translation>
    </message>
    <message>
        <source>Reading levels not available: {error}</source>
        <translation>Niveles de lectura no disponibles: {error}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search (Ctrl+K)</source>
        <translation>Buscar (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Type words to find articles; Down moves into the results</source>
        <translation>Escriba palabras para encontrar artículos; Flecha abajo pasa a los resultados</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Articles found; Enter opens one, Escape goes back to the search box</source>
        <translation>Artículos encontrados; Intro abre uno, Esc vuelve al cuadro de búsqueda</translation>
    </message>
    <message>
        <source>Matching titles</source>
        <translation>Títulos que coinciden</translation>
    </message>
    <message>
        <source>Articles whose title matches what you typed; Enter opens one</source>
        <translation>Artículos cuyo título coincide con lo que escribió; Intro abre uno</translation>
    </message>
    <message>
        <source>Search failed: {error}</source>
        <translation>La búsqueda falló: {error}</translation>
    </message>
    <message>
        <source>Showing results for {corrected} — search instead for {query}</source>
        <translation>Resultados para {corrected} — buscar en su lugar {query}</translation>
    </message>
    <message>
        <source>No articles found.</source>
        <translation>No se encontraron artículos.</translation>
    </message>
    <message>
        <source>also in: {places}</source>
        <translation>también en: {places}</translation>
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
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Open the result</source>
        <translation>Abrir el resultado</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Find in page</source>
        <translation>Buscar en la página</translation>
    </message>
    <message>
        <source>Next / previous match</source>
        <translation>Coincidencia siguiente / anterior</translation>
    </message>
    <message>
        <source>Enter / Shift+Enter / F3</source>
        <translation>Intro / Mayús+Intro / F3</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Cerrar la barra de búsqueda</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
    <message>
        <source>Open the highlighted item</source>
        <translation>Abrir el elemento resaltado</translation>
    </message>
    <message>
        <source>Arrow keys, then a moment&apos;s pause; or Enter</source>
        <translation>Flechas y luego una breve pausa; o Intro</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>The task could not finish: {error}</source>
        <translation>La tarea no pudo terminar: {error}</translation>
    </message>
</context>
<context>
    <name>TopicModel</name>
    <message>
        <source>Topics</source>
        <translation>Temas</translation>
    </message>
</context>
<context>
    <name>TreeFilter</name>
    <message>
        <source>Filter topics ({keys})</source>
        <translation>Filtrar temas ({keys})</translation>
    </message>
    <message>
        <source>Filter topics</source>
        <translation>Filtrar temas</translation>
    </message>
    <message>
        <source>Type words to keep only the topics and articles whose titles have them</source>
        <translation>Escriba palabras para dejar solo los temas y artículos cuyos títulos las contienen</translation>
    </message>
    <message>
        <source>&amp;Filter topics</source>
        <translation>&amp;Filtrar temas</translation>
    </message>
    <message>
        <source>Type to keep only the topics and articles that match</source>
        <translation>Escriba para dejar solo los temas y artículos que coinciden</translation>
    </message>
    <message>
        <source>1 article matches</source>
        <translation>1 artículo coincide</translation>
    </message>
    <message>
        <source>{count} articles match</source>
        <translation>{count} artículos coinciden</translation>
    </message>
    <message>
        <source>1 article shown</source>
        <translation>1 artículo visible</translation>
    </message>
    <message>
        <source>{count} articles shown</source>
        <translation>{count} artículos visibles</translation>
    </message>
</context>
</TS>
