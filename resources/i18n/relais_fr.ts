<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="fr_CA">
<context>
    <name>ArticlePanel</name>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="120"/>
        <source>Référence</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="121"/>
        <source>Copier la référence</source>
        <translation>Copier la référence</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="122"/>
        <source>Créer une demande pour ce service (Ctrl+Maj+N)</source>
        <translation>Créer une demande pour ce service (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="125"/>
        <source>Copie l&apos;unité, le téléphone, l&apos;adresse, les heures et les documents envoyables</source>
        <translation>Copie l&apos;unité, le téléphone, l&apos;adresse, les heures et les documents envoyables</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="129"/>
        <source>Unité</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="130"/>
        <source>Téléphone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="131"/>
        <source>Adresse</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="132"/>
        <source>Heures</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="136"/>
        <source>Afficher en français</source>
        <translation>Afficher en français</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="137"/>
        <source>Afficher en anglais</source>
        <translation>Afficher en anglais</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="140"/>
        <source>Cherchez à gauche, puis Entrée pour ouvrir un article.
Ctrl+K revient à la recherche.</source>
        <translation>Cherchez à gauche, puis Entrée pour ouvrir un article.
Ctrl+K revient à la recherche.</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="183"/>
        <source>mis à jour le %1</source>
        <translation>mis à jour le %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="200"/>
        <source>Documents envoyables sur demande : %1</source>
        <translation>Documents envoyables sur demande : %1</translation>
    </message>
</context>
<context>
    <name>AttributeFields</name>
    <message>
        <location filename="../../app/ui/request/attribute_fields.py" line="151"/>
        <source>AAAA-MM-JJ HH:MM</source>
        <translation>AAAA-MM-JJ HH:MM</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/attribute_fields.py" line="153"/>
        <source>nombre</source>
        <translation>nombre</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="448"/>
        <source>Aucun dossier ouvert. Cherchez un dossier ci-dessus, puis ↓ et Entrée pour l&apos;afficher ici.</source>
        <translation>Aucun dossier ouvert. Cherchez un dossier ci-dessus, puis ↓ et Entrée pour l&apos;afficher ici.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="455"/>
        <source>Numéro de dossier</source>
        <translation>Numéro de dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="456"/>
        <location filename="../../app/ui/cases/case_render.py" line="96"/>
        <source>En retard</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="53"/>
        <source>Pas encore transmis au stockage central</source>
        <translation>Pas encore transmis au stockage central</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="457"/>
        <source>Citoyens concernés</source>
        <translation>Citoyens concernés</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="315"/>
        <source>Mis à jour à %1</source>
        <translation>Mis à jour à %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="317"/>
        <source>Un changement venu du stockage central a été relu à %1.</source>
        <translation>Un changement venu du stockage central a été relu à %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="458"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="459"/>
        <source>Précisions</source>
        <translation>Précisions</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="460"/>
        <source>Historique</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="461"/>
        <source>&amp;Note à ajouter au dossier</source>
        <translation>&amp;Note à ajouter au dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="462"/>
        <source>Ce que le citoyen a dit ou ce qui a été fait</source>
        <translation>Ce que le citoyen a dit ou ce qui a été fait</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="463"/>
        <source>Note à ajouter au dossier</source>
        <translation>Note à ajouter au dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="464"/>
        <source>Ajouter la note (Ctrl+Entrée)</source>
        <translation>Ajouter la note (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="465"/>
        <source>Modifier (Ctrl+E)</source>
        <translation>Modifier (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="466"/>
        <source>Réactiver… (Ctrl+R)</source>
        <translation>Réactiver… (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="468"/>
        <source>Le citoyen dit que ce n&apos;est pas réglé : rouvrir le dossier, avec la raison</source>
        <translation>Le citoyen dit que ce n&apos;est pas réglé : rouvrir le dossier, avec la raison</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="471"/>
        <source>Corriger la description ou l&apos;emplacement de ce dossier</source>
        <translation>Corriger la description ou l&apos;emplacement de ce dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="478"/>
        <source>Type de demande :</source>
        <translation>Type de demande :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="479"/>
        <source>Nature :</source>
        <translation>Nature :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="480"/>
        <source>Statut :</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="481"/>
        <source>Canal :</source>
        <translation>Canal :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="482"/>
        <source>Créé le :</source>
        <translation>Créé le :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="483"/>
        <source>Échéance :</source>
        <translation>Échéance :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="484"/>
        <source>Adresse :</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="485"/>
        <source>Arrondissement :</source>
        <translation>Arrondissement :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="486"/>
        <source>Unité responsable :</source>
        <translation>Unité responsable :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="487"/>
        <source>Prise en charge par :</source>
        <translation>Prise en charge par :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="488"/>
        <source>Doublon du dossier :</source>
        <translation>Doublon du dossier :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="56"/>
        <source>Modifications pas encore transmises au stockage central</source>
        <translation>Modifications pas encore transmises au stockage central</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="60"/>
        <source>Conflit à régler : un collègue a modifié les mêmes champs</source>
        <translation>Conflit à régler : un collègue a modifié les mêmes champs</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="64"/>
        <source>Copie du stockage central à récupérer à la prochaine synchronisation</source>
        <translation>Copie du stockage central à récupérer à la prochaine synchronisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="111"/>
        <source>Aucun : signalement anonyme.</source>
        <translation>Aucun : signalement anonyme.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="164"/>
        <source>Aucun événement.</source>
        <translation>Aucun événement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="175"/>
        <source>Demande créée</source>
        <translation>Demande créée</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="176"/>
        <source>Canal : %1</source>
        <translation>Canal : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="179"/>
        <source>Acheminée</source>
        <translation>Acheminée</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="183"/>
        <source>Statut modifié</source>
        <translation>Statut modifié</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="187"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="191"/>
        <source>Doublon</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="194"/>
        <source>Citoyen ajouté au dossier</source>
        <translation>Citoyen ajouté au dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="198"/>
        <source>Dossier modifié</source>
        <translation>Dossier modifié</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="202"/>
        <source>Corrigé et renvoyé au stockage central</source>
        <translation>Corrigé et renvoyé au stockage central</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="206"/>
        <source>Modification refusée abandonnée</source>
        <translation>Modification refusée abandonnée</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="218"/>
        <source>Refusée pour : %1</source>
        <translation>Refusée pour : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="229"/>
        <source>texte corrigé</source>
        <translation>texte corrigé</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="241"/>
        <source>%1 : %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="247"/>
        <source>Valeurs abandonnées : %1</source>
        <translation>Valeurs abandonnées : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="255"/>
        <source>Texte abandonné :</source>
        <translation>Texte abandonné :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="261"/>
        <source>Description : %1</source>
        <translation>Description : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="271"/>
        <source>Unité responsable : %1</source>
        <translation>Unité responsable : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="277"/>
        <source>prise en charge par %1</source>
        <translation>prise en charge par %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="281"/>
        <source>(hors des heures de bureau)</source>
        <translation>(hors des heures de bureau)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="284"/>
        <source>(réassignée)</source>
        <translation>(réassignée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="286"/>
        <source>(changement d&apos;arrondissement)</source>
        <translation>(changement d&apos;arrondissement)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="301"/>
        <source>Doublon du dossier %1</source>
        <translation>Doublon du dossier %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="304"/>
        <source>Le dossier %1 est un doublon de celui-ci</source>
        <translation>Le dossier %1 est un doublon de celui-ci</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="311"/>
        <source>numéro civique</source>
        <translation>numéro civique</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="312"/>
        <source>rue</source>
        <translation>rue</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="313"/>
        <source>code postal</source>
        <translation>code postal</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="314"/>
        <source>arrondissement</source>
        <translation>arrondissement</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="315"/>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="316"/>
        <source>précisions</source>
        <translation>précisions</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="317"/>
        <source>type de demande</source>
        <translation>type de demande</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="318"/>
        <source>échéance</source>
        <translation>échéance</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="319"/>
        <source>prise en charge</source>
        <translation>prise en charge</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="320"/>
        <source>note du statut</source>
        <translation>note du statut</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="321"/>
        <source>unité responsable</source>
        <translation>unité responsable</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="322"/>
        <source>citoyen</source>
        <translation>citoyen</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="323"/>
        <source>latitude</source>
        <translation>latitude</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="324"/>
        <source>longitude</source>
        <translation>longitude</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="337"/>
        <source>Champs modifiés : %1</source>
        <translation>Champs modifiés : %1</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="155"/>
        <source>Description :</source>
        <translation>Description :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="156"/>
        <source>N° civique :</source>
        <translation>N° civique :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="157"/>
        <source>Rue :</source>
        <translation>Rue :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="158"/>
        <source>Code postal :</source>
        <translation>Code postal :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="159"/>
        <source>Arrondissement :</source>
        <translation>Arrondissement :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="170"/>
        <source>Enregistrer (Ctrl+Entrée)</source>
        <translation>Enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="165"/>
        <source>Annuler (Échap)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="172"/>
        <source>Renvoyer au stockage central (Ctrl+Entrée)</source>
        <translation>Renvoyer au stockage central (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="219"/>
        <source> (ville liée)</source>
        <translation> (ville liée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="277"/>
        <source>Modifié par le stockage central pendant votre correction (à %1) : %2. Vos saisies sont gardées ; un champ que vous changez aussi deviendra un conflit à régler à l&apos;enregistrement.</source>
        <translation>Modifié par le stockage central pendant votre correction (à %1) : %2. Vos saisies sont gardées ; un champ que vous changez aussi deviendra un conflit à régler à l&apos;enregistrement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="286"/>
        <source>Modifié par le stockage central pendant votre correction (à %1) : les champs que vous corrigez n&apos;ont pas changé.</source>
        <translation>Modifié par le stockage central pendant votre correction (à %1) : les champs que vous corrigez n&apos;ont pas changé.</translation>
    </message>
</context>
<context>
    <name>CaseHistoryPanel</name>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="269"/>
        <source>Numéro de dossier, téléphone, courriel ou adresse (Échap pour revenir ici)</source>
        <translation>Numéro de dossier, téléphone, courriel ou adresse (Échap pour revenir ici)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="271"/>
        <source>Recherche de dossiers</source>
        <translation>Recherche de dossiers</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="272"/>
        <source>Dossiers trouvés</source>
        <translation>Dossiers trouvés</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="273"/>
        <source>Vouliez-vous dire :</source>
        <translation>Vouliez-vous dire :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="276"/>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="277"/>
        <source>Type de demande</source>
        <translation>Type de demande</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="278"/>
        <source>Statut</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="279"/>
        <source>Créé le</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="280"/>
        <source>Échéance</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="281"/>
        <source>Retard</source>
        <translation>Retard</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="282"/>
        <source>Stockage central</source>
        <translation>Stockage central</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="284"/>
        <source>En retard</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="285"/>
        <source>Refusé</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="290"/>
        <source>Revenir à la recherche de dossiers (ou abandonner la modification)</source>
        <translation>Revenir à la recherche de dossiers (ou abandonner la modification)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="291"/>
        <source>Réactiver le dossier fermé, avec la raison</source>
        <translation>Réactiver le dossier fermé, avec la raison</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="292"/>
        <source>Modifier le dossier ouvert (ou corriger et renvoyer un refus)</source>
        <translation>Modifier le dossier ouvert (ou corriger et renvoyer un refus)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="293"/>
        <source>Ajouter la note, ou enregistrer la modification</source>
        <translation>Ajouter la note, ou enregistrer la modification</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="325"/>
        <source>Recherche impossible : %1</source>
        <translation>Recherche impossible : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="360"/>
        <source>Numéro de dossier</source>
        <translation>Numéro de dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="361"/>
        <source>Téléphone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="362"/>
        <source>Courriel</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="363"/>
        <source>Adresse</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="371"/>
        <source>Tapez un numéro de dossier, un téléphone, un courriel ou une adresse : les dossiers suivent la frappe.</source>
        <translation>Tapez un numéro de dossier, un téléphone, un courriel ou une adresse : les dossiers suivent la frappe.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/cases/case_history.py" line="378"/>
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="390"/>
        <source>%1 ?</source>
        <translation>%1 ?</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="393"/>
        <source>Ouvrir le dossier %1</source>
        <translation>Ouvrir le dossier %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="495"/>
        <source>Dossier illisible : %1</source>
        <translation>Dossier illisible : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="501"/>
        <source>Le dossier %1 n&apos;existe pas sur ce poste.</source>
        <translation>Le dossier %1 n&apos;existe pas sur ce poste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="540"/>
        <source>Note non enregistrée : %1</source>
        <translation>Note non enregistrée : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="551"/>
        <source>Note ajoutée au dossier %1</source>
        <translation>Note ajoutée au dossier %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="589"/>
        <source>Dossier non réactivé : %1</source>
        <translation>Dossier non réactivé : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="599"/>
        <source>Dossier %1 réactivé : il retourne à l&apos;unité responsable.</source>
        <translation>Dossier %1 réactivé : il retourne à l&apos;unité responsable.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="646"/>
        <source>Cette modification refusée a déjà été réglée : rien n&apos;a été renvoyé.</source>
        <translation>Cette modification refusée a déjà été réglée : rien n&apos;a été renvoyé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="653"/>
        <source>Les modifications n&apos;ont pas pu être enregistrées (%1). Rien n&apos;a été effacé : réessayez.</source>
        <translation>Les modifications n&apos;ont pas pu être enregistrées (%1). Rien n&apos;a été effacé : réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="668"/>
        <source>Dossier %1 modifié : les changements seront transmis au stockage central.</source>
        <translation>Dossier %1 modifié : les changements seront transmis au stockage central.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="672"/>
        <source>Dossier %1 corrigé : la correction sera renvoyée au stockage central.</source>
        <translation>Dossier %1 corrigé : la correction sera renvoyée au stockage central.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="729"/>
        <source>La note n&apos;a pas pu être renvoyée (%1) : réessayez.</source>
        <translation>La note n&apos;a pas pu être renvoyée (%1) : réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="742"/>
        <source>Note du dossier %1 corrigée : elle sera renvoyée au stockage central.</source>
        <translation>Note du dossier %1 corrigée : elle sera renvoyée au stockage central.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="757"/>
        <source>Annuler</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="772"/>
        <source>Abandonner la création du dossier %1 ?

Le stockage central l&apos;a refusée. Elle sera retirée de la file d&apos;envoi (l&apos;historique du dossier le dira) et la copie du stockage central sera demandée. S&apos;il n&apos;en a aucune, vous pourrez retirer le dossier de ce poste.</source>
        <translation>Abandonner la création du dossier %1 ?

Le stockage central l&apos;a refusée. Elle sera retirée de la file d&apos;envoi (l&apos;historique du dossier le dira) et la copie du stockage central sera demandée. S&apos;il n&apos;en a aucune, vous pourrez retirer le dossier de ce poste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="780"/>
        <source>Abandonner la modification du dossier %1 ?

Champs modifiés : %2. Elle sera retirée de la file d&apos;envoi ; ses valeurs restent lisibles dans l&apos;historique, et le dossier reprendra la copie du stockage central.</source>
        <translation>Abandonner la modification du dossier %1 ?

Champs modifiés : %2. Elle sera retirée de la file d&apos;envoi ; ses valeurs restent lisibles dans l&apos;historique, et le dossier reprendra la copie du stockage central.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="786"/>
        <source>Abandonner la note refusée du dossier %1 ?

Elle sera retirée de la file d&apos;envoi ; son texte reste lisible dans l&apos;historique.</source>
        <translation>Abandonner la note refusée du dossier %1 ?

Elle sera retirée de la file d&apos;envoi ; son texte reste lisible dans l&apos;historique.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="791"/>
        <source>Abandonner « %2 » sur le dossier %1 ?

L&apos;opération refusée sera retirée de la file d&apos;envoi ; l&apos;historique du dossier le dira.</source>
        <translation>Abandonner « %2 » sur le dossier %1 ?

L&apos;opération refusée sera retirée de la file d&apos;envoi ; l&apos;historique du dossier le dira.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="795"/>
        <source>Abandonner une modification refusée</source>
        <translation>Abandonner une modification refusée</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="797"/>
        <source>&amp;Abandonner</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="818"/>
        <source>Rien n&apos;a été abandonné : %1</source>
        <translation>Rien n&apos;a été abandonné : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="826"/>
        <source>Modification abandonnée, mais la copie du stockage central n&apos;a pas pu être appliquée (%1) : elle le sera à la prochaine synchronisation.</source>
        <translation>Modification abandonnée, mais la copie du stockage central n&apos;a pas pu être appliquée (%1) : elle le sera à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="852"/>
        <source>Modification abandonnée. Le stockage central est injoignable : sa copie du dossier %1 sera récupérée à la prochaine synchronisation.</source>
        <translation>Modification abandonnée. Le stockage central est injoignable : sa copie du dossier %1 sera récupérée à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="862"/>
        <source>Modification abandonnée : le dossier %1 montre la copie du stockage central.</source>
        <translation>Modification abandonnée : le dossier %1 montre la copie du stockage central.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="867"/>
        <source>Le stockage central n&apos;a aucune copie du dossier %1.</source>
        <translation>Le stockage central n&apos;a aucune copie du dossier %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="886"/>
        <source>Retirer le dossier de ce poste</source>
        <translation>Retirer le dossier de ce poste</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="888"/>
        <source>Le stockage central n&apos;a aucune copie du dossier %1.

Le retirer de ce poste ? Sa description, son historique et ses notes seront effacés de ce poste ; il n&apos;existe nulle part ailleurs.</source>
        <translation>Le stockage central n&apos;a aucune copie du dossier %1.

Le retirer de ce poste ? Sa description, son historique et ses notes seront effacés de ce poste ; il n&apos;existe nulle part ailleurs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="892"/>
        <source>&amp;Retirer le dossier</source>
        <translation>&amp;Retirer le dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="907"/>
        <source>Le dossier %1 n&apos;a pas été retiré : %2</source>
        <translation>Le dossier %1 n&apos;a pas été retiré : %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="921"/>
        <source>Dossier %1 retiré de ce poste : le stockage central n&apos;en avait aucune copie.</source>
        <translation>Dossier %1 retiré de ce poste : le stockage central n&apos;en avait aucune copie.</translation>
    </message>
</context>
<context>
    <name>CitizenBox</name>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="310"/>
        <source>Les coordonnées n&apos;ont pas pu être enregistrées (%1). Rien n&apos;a été effacé : réessayez.</source>
        <translation>Les coordonnées n&apos;ont pas pu être enregistrées (%1). Rien n&apos;a été effacé : réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="349"/>
        <source>Citoyen</source>
        <translation>Citoyen</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="351"/>
        <source>Chercher par téléphone ou courriel (↓ pour choisir)…</source>
        <translation>Chercher par téléphone ou courriel (↓ pour choisir)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="353"/>
        <source>Recherche de citoyen</source>
        <translation>Recherche de citoyen</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="354"/>
        <source>Changer</source>
        <translation>Changer</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="358"/>
        <source>&amp;Nom</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="359"/>
        <source>Télé&amp;phone</source>
        <translation>Télé&amp;phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="360"/>
        <source>Courr&amp;iel</source>
        <translation>Courr&amp;iel</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="361"/>
        <location filename="../../app/ui/request/citizen_box.py" line="371"/>
        <source>Langue</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="366"/>
        <source>Ci&amp;toyen anonyme</source>
        <translation>Ci&amp;toyen anonyme</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="367"/>
        <source>Modifier</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="368"/>
        <source>Corriger les coordonnées de ce citoyen</source>
        <translation>Corriger les coordonnées de ce citoyen</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="371"/>
        <source>Nom</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="371"/>
        <source>Téléphone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="371"/>
        <source>Courriel</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="375"/>
        <source>Enregistrer les coordonnées</source>
        <translation>Enregistrer les coordonnées</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="376"/>
        <source>Annuler</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="404"/>
        <source>Ce type de demande exige les coordonnées du citoyen.</source>
        <translation>Ce type de demande exige les coordonnées du citoyen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/citizen_box.py" line="494"/>
        <source>%n citoyen(s) trouvé(s) : ↓ puis Entrée pour choisir</source>
        <translation>
            <numerusform>%n citoyen trouvé : ↓ puis Entrée pour choisir</numerusform>
            <numerusform>%n citoyens trouvés : ↓ puis Entrée pour choisir</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="498"/>
        <source>Aucun citoyen trouvé : Entrée pour le saisir comme nouveau citoyen.</source>
        <translation>Aucun citoyen trouvé : Entrée pour le saisir comme nouveau citoyen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="505"/>
        <source>Recherche de citoyen impossible pour le moment : saisissez-le ci-dessous.</source>
        <translation>Recherche de citoyen impossible pour le moment : saisissez-le ci-dessous.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/citizen_box.py" line="510"/>
        <source>%n dossier(s) ouvert(s)</source>
        <translation>
            <numerusform>%n dossier ouvert</numerusform>
            <numerusform>%n dossiers ouverts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="519"/>
        <source>Dossiers ouverts :</source>
        <translation>Dossiers ouverts :</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="522"/>
        <source>En retard</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="532"/>
        <source>échéance %1</source>
        <translation>échéance %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="536"/>
        <source>Aucun dossier ouvert.</source>
        <translation>Aucun dossier ouvert.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="97"/>
        <source>Chargement des conflits…</source>
        <translation>Chargement des conflits…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="101"/>
        <source>Conflits à régler</source>
        <translation>Conflits à régler</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="104"/>
        <source>Un collègue a modifié les mêmes champs que vous. Pour chaque champ, gardez votre valeur ou celle du registre ; vos autres modifications seront envoyées de nouveau.</source>
        <translation>Un collègue a modifié les mêmes champs que vous. Pour chaque champ, gardez votre valeur ou celle du registre ; vos autres modifications seront envoyées de nouveau.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="118"/>
        <source>Les conflits n&apos;ont pas pu être lus (%1).</source>
        <translation>Les conflits n&apos;ont pas pu être lus (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="137"/>
        <source>Aucun conflit à régler.</source>
        <translation>Aucun conflit à régler.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync/conflict_dialog.py" line="140"/>
        <source>%n conflit(s) à régler.</source>
        <translation>
            <numerusform>%n conflit à régler.</numerusform>
            <numerusform>%n conflits à régler.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="154"/>
        <source>Dossier %1</source>
        <translation>Dossier %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="156"/>
        <source>Citoyen sans nom</source>
        <translation>Citoyen sans nom</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="165"/>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="224"/>
        <source>%1 : %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="171"/>
        <source>Envoyé de nouveau dans tous les cas : %1</source>
        <translation>Envoyé de nouveau dans tous les cas : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="202"/>
        <source>Garder &amp;votre valeur</source>
        <translation>Garder &amp;votre valeur</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="205"/>
        <source>Garder la valeur du &amp;registre (modifiée par un collègue)</source>
        <translation>Garder la valeur du &amp;registre (modifiée par un collègue)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="293"/>
        <source>Les conflits n&apos;ont pas tous pu être réglés (%1). Vos choix sont conservés : réessayez.</source>
        <translation>Les conflits n&apos;ont pas tous pu être réglés (%1). Vos choix sont conservés : réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="311"/>
        <source>Nom</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="312"/>
        <source>Téléphone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="313"/>
        <source>Courriel</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="314"/>
        <source>Adresse</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="315"/>
        <source>Langue préférée</source>
        <translation>Langue préférée</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="316"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="317"/>
        <source>N° civique</source>
        <translation>N° civique</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="318"/>
        <source>Rue</source>
        <translation>Rue</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="319"/>
        <source>Code postal</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="320"/>
        <source>Arrondissement</source>
        <translation>Arrondissement</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="226"/>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="326"/>
        <source>(vide)</source>
        <translation>(vide)</translation>
    </message>
</context>
<context>
    <name>DownloadProgress</name>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="149"/>
        <source>Téléchargement : %1 / %2 changements (%3 Mo)</source>
        <translation>Téléchargement : %1 / %2 changements (%3 Mo)</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="123"/>
        <source>Obligatoire : remplissez ce champ.</source>
        <translation>Obligatoire : remplissez ce champ.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="124"/>
        <source>Choisissez le type de demande (tapez quelques lettres).</source>
        <translation>Choisissez le type de demande (tapez quelques lettres).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="127"/>
        <source>Choisissez le canal par lequel le citoyen s&apos;adresse à la Ville.</source>
        <translation>Choisissez le canal par lequel le citoyen s&apos;adresse à la Ville.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="130"/>
        <source>Ce type de demande exige les coordonnées du citoyen : choisissez-le ou saisissez-le.</source>
        <translation>Ce type de demande exige les coordonnées du citoyen : choisissez-le ou saisissez-le.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="134"/>
        <source>Donnez un téléphone ou un courriel pour pouvoir joindre le citoyen.</source>
        <translation>Donnez un téléphone ou un courriel pour pouvoir joindre le citoyen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="137"/>
        <source>Numéro à 10 chiffres attendu, par exemple 514 555-0123.</source>
        <translation>Numéro à 10 chiffres attendu, par exemple 514 555-0123.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="140"/>
        <source>Adresse courriel attendue, par exemple nom@exemple.ca.</source>
        <translation>Adresse courriel attendue, par exemple nom@exemple.ca.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="143"/>
        <source>Code postal canadien attendu, par exemple H2X 1Y4.</source>
        <translation>Code postal canadien attendu, par exemple H2X 1Y4.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="146"/>
        <source>Numéro civique attendu, par exemple 1234, 1234A ou 1234-1236.</source>
        <translation>Numéro civique attendu, par exemple 1234, 1234A ou 1234-1236.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="149"/>
        <source>Indiquez la rue où se trouve le problème.</source>
        <translation>Indiquez la rue où se trouve le problème.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="152"/>
        <source>Choisissez l&apos;arrondissement : ce service y est traité.</source>
        <translation>Choisissez l&apos;arrondissement : ce service y est traité.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="155"/>
        <source>%1 est une ville liée qui traite ce service elle-même : dirigez le citoyen vers %1 (%2).</source>
        <translation>%1 est une ville liée qui traite ce service elle-même : dirigez le citoyen vers %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="160"/>
        <source>Acheminement impossible : %1</source>
        <translation>Acheminement impossible : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="161"/>
        <source>Décrivez ce que le citoyen signale.</source>
        <translation>Décrivez ce que le citoyen signale.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="164"/>
        <source>Trop long : %1 caractères au plus.</source>
        <translation>Trop long : %1 caractères au plus.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="165"/>
        <source>Texte attendu.</source>
        <translation>Texte attendu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="166"/>
        <source>Contient un caractère invalide : retirez-le.</source>
        <translation>Contient un caractère invalide : retirez-le.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="169"/>
        <source>Nombre attendu, par exemple 3 ou 2,5.</source>
        <translation>Nombre attendu, par exemple 3 ou 2,5.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="172"/>
        <source>Date attendue, sous la forme AAAA-MM-JJ HH:MM.</source>
        <translation>Date attendue, sous la forme AAAA-MM-JJ HH:MM.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="175"/>
        <source>Choisissez une des valeurs proposées.</source>
        <translation>Choisissez une des valeurs proposées.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="176"/>
        <source>Code de poste de 001 à 899, unique pour ce poste de travail.</source>
        <translation>Code de poste de 001 à 899, unique pour ce poste de travail.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="179"/>
        <source>Votre nom d&apos;utilisateur : lettres, chiffres et . _ @ - seulement.</source>
        <translation>Votre nom d&apos;utilisateur : lettres, chiffres et . _ @ - seulement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="182"/>
        <source>Choisissez votre lieu de travail.</source>
        <translation>Choisissez votre lieu de travail.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="183"/>
        <source>Ce poste a épuisé ses numéros pour l&apos;année : changez de code.</source>
        <translation>Ce poste a épuisé ses numéros pour l&apos;année : changez de code.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="186"/>
        <source>Ce dossier est fermé : réactivez-le d&apos;abord (avec la raison), ou demandez à un superviseur.</source>
        <translation>Ce dossier est fermé : réactivez-le d&apos;abord (avec la raison), ou demandez à un superviseur.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="191"/>
        <source>Dites pourquoi le dossier est réactivé (ce que signale le citoyen).</source>
        <translation>Dites pourquoi le dossier est réactivé (ce que signale le citoyen).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="194"/>
        <source>Seul un dossier fermé peut être réactivé ; celui-ci est ouvert.</source>
        <translation>Seul un dossier fermé peut être réactivé ; celui-ci est ouvert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="197"/>
        <source>Le poste %1 doit d&apos;abord joindre le stockage central une fois, pour savoir où en est sa numérotation des dossiers : reconnectez-vous, puis enregistrez. Rien n&apos;a été effacé.</source>
        <translation>Le poste %1 doit d&apos;abord joindre le stockage central une fois, pour savoir où en est sa numérotation des dossiers : reconnectez-vous, puis enregistrez. Rien n&apos;a été effacé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="203"/>
        <source>Ce dossier n&apos;existe pas sur ce poste.</source>
        <translation>Ce dossier n&apos;existe pas sur ce poste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="206"/>
        <source>Ce citoyen n&apos;est plus au dossier : cherchez-le de nouveau.</source>
        <translation>Ce citoyen n&apos;est plus au dossier : cherchez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="209"/>
        <source>Chiffre de contrôle erroné : un chiffre a sans doute été mal saisi. Relisez le numéro au citoyen.</source>
        <translation>Chiffre de contrôle erroné : un chiffre a sans doute été mal saisi. Relisez le numéro au citoyen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="214"/>
        <source>Numéro de dossier attendu : 12 chiffres, par exemple 26-042-000137-5.</source>
        <translation>Numéro de dossier attendu : 12 chiffres, par exemple 26-042-000137-5.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="217"/>
        <source>Choisissez le français ou l&apos;anglais.</source>
        <translation>Choisissez le français ou l&apos;anglais.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="220"/>
        <source>Ce dossier est fermé : enregistrez plutôt une nouvelle demande.</source>
        <translation>Ce dossier est fermé : enregistrez plutôt une nouvelle demande.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="223"/>
        <source>Choisissez le résultat de l&apos;interaction.</source>
        <translation>Choisissez le résultat de l&apos;interaction.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="226"/>
        <source>Aucune interaction en cours.</source>
        <translation>Aucune interaction en cours.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="228"/>
        <source>Trop long : %1 caractères, le stockage central en accepte %2 au plus.</source>
        <translation>Trop long : %1 caractères, le stockage central en accepte %2 au plus.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="231"/>
        <source>Le stockage central n&apos;a pas ce dossier : sa création ne lui est pas parvenue.</source>
        <translation>Le stockage central n&apos;a pas ce dossier : sa création ne lui est pas parvenue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="235"/>
        <source>Arrondissement inconnu du stockage central : « %1 ».</source>
        <translation>Arrondissement inconnu du stockage central : « %1 ».</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="238"/>
        <source>Saisie il y a plus de 90 jours : le stockage central ne l&apos;accepte plus.</source>
        <translation>Saisie il y a plus de 90 jours : le stockage central ne l&apos;accepte plus.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="242"/>
        <source>Le stockage central a refusé ce qui ne se corrige pas ici : abandonnez cette modification.</source>
        <translation>Le stockage central a refusé ce qui ne se corrige pas ici : abandonnez cette modification.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="262"/>
        <source>le stockage local %1 est verrouillé par un autre programme : Relais est-il déjà ouvert sur ce dossier ? Fermez l&apos;autre, ou réessayez dans un instant</source>
        <translation>le stockage local %1 est verrouillé par un autre programme : Relais est-il déjà ouvert sur ce dossier ? Fermez l&apos;autre, ou réessayez dans un instant</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="267"/>
        <source>le disque de %1 est plein : libérez de l&apos;espace, ou choisissez un autre dossier de données (--data-dir) ; rien de ce qui était enregistré n&apos;est perdu</source>
        <translation>le disque de %1 est plein : libérez de l&apos;espace, ou choisissez un autre dossier de données (--data-dir) ; rien de ce qui était enregistré n&apos;est perdu</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="272"/>
        <source>Relais ne peut pas écrire dans %1 : le dossier est en lecture seule ou ne vous appartient pas. Donnez-vous le droit d&apos;écriture, ou choisissez un autre dossier de données (--data-dir)</source>
        <translation>Relais ne peut pas écrire dans %1 : le dossier est en lecture seule ou ne vous appartient pas. Donnez-vous le droit d&apos;écriture, ou choisissez un autre dossier de données (--data-dir)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="278"/>
        <source>le stockage local %1 est endommagé : redémarrez Relais, qui le mettra de côté, gardera le travail non transmis qu&apos;il peut lire et repartira d&apos;un stockage neuf</source>
        <translation>le stockage local %1 est endommagé : redémarrez Relais, qui le mettra de côté, gardera le travail non transmis qu&apos;il peut lire et repartira d&apos;un stockage neuf</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="286"/>
        <source>la lecture ou l&apos;écriture de %1 a échoué : le disque est peut-être plein, retiré ou défaillant. Vérifiez-le, puis réessayez</source>
        <translation>la lecture ou l&apos;écriture de %1 a échoué : le disque est peut-être plein, retiré ou défaillant. Vérifiez-le, puis réessayez</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="297"/>
        <source>le fichier est vide</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="298"/>
        <source>ce n&apos;est pas un fichier de stockage SQLite</source>
        <translation>ce n&apos;est pas un fichier de stockage SQLite</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="301"/>
        <source>une page endommagée a été rencontrée pendant son utilisation</source>
        <translation>une page endommagée a été rencontrée pendant son utilisation</translation>
    </message>
</context>
<context>
    <name>InteractionBar</name>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="137"/>
        <source>Canal de l&apos;interaction</source>
        <translation>Canal de l&apos;interaction</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="138"/>
        <source>Début d&apos;interaction (F2)</source>
        <translation>Début d&apos;interaction (F2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="139"/>
        <source>Fin (F3)</source>
        <translation>Fin (F3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="200"/>
        <source>Interaction terminée et consignée.</source>
        <translation>Interaction terminée et consignée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="219"/>
        <source>Aucune interaction en cours</source>
        <translation>Aucune interaction en cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="225"/>
        <source>Interaction en cours : %1 · %2</source>
        <translation>Interaction en cours : %1 · %2</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="134"/>
        <source>Connexion au registre central</source>
        <translation>Connexion au registre central</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="135"/>
        <source>Serveur</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="136"/>
        <source>&amp;Utilisateur</source>
        <translation>&amp;Utilisateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="137"/>
        <source>&amp;Mot de passe</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="138"/>
        <source>Se &amp;connecter</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="139"/>
        <source>Continuer &amp;hors ligne</source>
        <translation>Continuer &amp;hors ligne</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="140"/>
        <source>Connexion…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="144"/>
        <source>La session reste ouverte sur ce poste jusqu&apos;à la fin du quart (trousseau du système) ; le mot de passe n&apos;est jamais enregistré.</source>
        <translation>La session reste ouverte sur ce poste jusqu&apos;à la fin du quart (trousseau du système) ; le mot de passe n&apos;est jamais enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="150"/>
        <source>Aucun trousseau système : il faudra se reconnecter à chaque démarrage.</source>
        <translation>Aucun trousseau système : il faudra se reconnecter à chaque démarrage.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="163"/>
        <source>Votre session a expiré : reconnectez-vous. Le travail en attente est conservé.</source>
        <translation>Votre session a expiré : reconnectez-vous. Le travail en attente est conservé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="176"/>
        <source>Saisissez votre nom d&apos;utilisateur.</source>
        <translation>Saisissez votre nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="180"/>
        <source>Saisissez votre mot de passe.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="199"/>
        <source>Nom d&apos;utilisateur ou mot de passe incorrect.</source>
        <translation>Nom d&apos;utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="210"/>
        <source>Le registre central ne répond pas : vous pouvez continuer à travailler hors ligne ; la connexion sera retentée.</source>
        <translation>Le registre central ne répond pas : vous pouvez continuer à travailler hors ligne ; la connexion sera retentée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="224"/>
        <source>Le registre central est surchargé ou en maintenance : réessayez dans un moment.</source>
        <translation>Le registre central est surchargé ou en maintenance : réessayez dans un moment.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="232"/>
        <location filename="../../app/ui/sync/login_dialog.py" line="278"/>
        <source>La connexion a échoué : %1</source>
        <translation>La connexion a échoué : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="273"/>
        <source>Le code de poste %1 appartient à un autre poste : changez-le dans Fichier &gt; Poste de travail.</source>
        <translation>Le code de poste %1 appartient à un autre poste : changez-le dans Fichier &gt; Poste de travail.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="161"/>
        <source>Aller à la recherche d&apos;information</source>
        <translation>Aller à la recherche d&apos;information</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162"/>
        <location filename="../../app/ui/main_window.py" line="197"/>
        <source>Nouvelle demande</source>
        <translation>Nouvelle demande</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163"/>
        <source>Chercher un dossier</source>
        <translation>Chercher un dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>Créer une demande pour le service de l&apos;article ouvert</source>
        <translation>Créer une demande pour le service de l&apos;article ouvert</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="165"/>
        <source>Début d&apos;interaction (appel, visite, courriel, lettre)</source>
        <translation>Début d&apos;interaction (appel, visite, courriel, lettre)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="166"/>
        <source>Fin de l&apos;interaction, avec son résultat</source>
        <translation>Fin de l&apos;interaction, avec son résultat</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>Revenir de l&apos;article à la recherche</source>
        <translation>Revenir de l&apos;article à la recherche</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>Alt+lettre soulignée</source>
        <translation>Alt+lettre soulignée</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>Aller au champ ou au bouton</source>
        <translation>Aller au champ ou au bouton</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177"/>
        <source>Tab, Maj+Tab</source>
        <translation>Tab, Maj+Tab</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177"/>
        <source>Champ suivant, champ précédent</source>
        <translation>Champ suivant, champ précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178"/>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>↑ ↓ puis Entrée</source>
        <translation>↑ ↓ puis Entrée</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178"/>
        <source>Choisir et ouvrir un article</source>
        <translation>Choisir et ouvrir un article</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="181"/>
        <source>↓ puis Entrée</source>
        <translation>↓ puis Entrée</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>Choisir le citoyen trouvé (Entrée seule : nouveau citoyen)</source>
        <translation>Choisir le citoyen trouvé (Entrée seule : nouveau citoyen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="184"/>
        <source>Entrée</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="184"/>
        <source>Choisir le type de demande proposé</source>
        <translation>Choisir le type de demande proposé</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>Ouvrir le dossier trouvé</source>
        <translation>Ouvrir le dossier trouvé</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187"/>
        <source>Fin de l&apos;interaction</source>
        <translation>Fin de l&apos;interaction</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="188"/>
        <source>1, 2, 3, 4</source>
        <translation>1, 2, 3, 4</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="189"/>
        <source>Choisir le résultat de l&apos;interaction</source>
        <translation>Choisir le résultat de l&apos;interaction</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="195"/>
        <source>Partout</source>
        <translation>Partout</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="196"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="198"/>
        <source>Dossiers</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="205"/>
        <source>Référence copiée dans le presse-papiers</source>
        <translation>Référence copiée dans le presse-papiers</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="288"/>
        <source>Relais — Console 311</source>
        <translation>Relais — Console 311</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="289"/>
        <source>P&amp;aramètres…</source>
        <translation>P&amp;aramètres…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="290"/>
        <source>&amp;Fichier</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="291"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="292"/>
        <source>&amp;Poste de travail…</source>
        <translation>&amp;Poste de travail…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="293"/>
        <source>Se &amp;connecter au registre central…</source>
        <translation>Se &amp;connecter au registre central…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="294"/>
        <source>Se &amp;déconnecter</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="296"/>
        <source>Se déconnecter et &amp;effacer les données des citoyens de ce poste</source>
        <translation>Se déconnecter et &amp;effacer les données des citoyens de ce poste</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="298"/>
        <source>Information (Ctrl+K)</source>
        <translation>Information (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="299"/>
        <source>Nouvelle demande (Ctrl+N)</source>
        <translation>Nouvelle demande (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="300"/>
        <source>Dossiers (Ctrl+D)</source>
        <translation>Dossiers (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="301"/>
        <source>&amp;Affichage</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="302"/>
        <source>Aller à la recherche	Ctrl+K</source>
        <translation>Aller à la recherche	Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="303"/>
        <source>&amp;Langue</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="304"/>
        <source>&amp;Indicateurs de service…</source>
        <translation>&amp;Indicateurs de service…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="305"/>
        <source>Aid&amp;e</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="306"/>
        <source>&amp;Raccourcis clavier…</source>
        <translation>&amp;Raccourcis clavier…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="307"/>
        <source>À &amp;propos de Relais</source>
        <translation>À &amp;propos de Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="308"/>
        <source>&amp;Synchronisation…</source>
        <translation>&amp;Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="312"/>
        <source>⚠ Contenu intégré non chargé (détails au survol)</source>
        <translation>⚠ Contenu intégré non chargé (détails au survol)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="356"/>
        <source>La traduction anglaise est introuvable ; l&apos;interface reste en français.</source>
        <translation>La traduction anglaise est introuvable ; l&apos;interface reste en français.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="466"/>
        <source>Déconnecté. %n fiche(s) de citoyen effacée(s) de ce poste.</source>
        <translation>
            <numerusform>Déconnecté. %n fiche de citoyen effacée de ce poste.</numerusform>
            <numerusform>Déconnecté. %n fiches de citoyen effacées de ce poste.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="468"/>
        <source>Déconnecté. Le travail en attente est conservé.</source>
        <translation>Déconnecté. Le travail en attente est conservé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="478"/>
        <source>Demande %1 enregistrée sur ce poste.</source>
        <translation>Demande %1 enregistrée sur ce poste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="487"/>
        <source>Brouillon de demande repris : onglet Nouvelle demande (Ctrl+N).</source>
        <translation>Brouillon de demande repris : onglet Nouvelle demande (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="518"/>
        <source>Poste %1 · %2</source>
        <translation>Poste %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="545"/>
        <source>Le registre central %1 sera utilisé au prochain démarrage de Relais.</source>
        <translation>Le registre central %1 sera utilisé au prochain démarrage de Relais.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="549"/>
        <source>Au prochain démarrage, Relais travaillera en local seulement.</source>
        <translation>Au prochain démarrage, Relais travaillera en local seulement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="552"/>
        <source>Paramètres</source>
        <translation>Paramètres</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="579"/>
        <source>%n fiche(s) de citoyen inutilisée(s) depuis la période de conservation effacée(s) de ce poste.</source>
        <translation>
            <numerusform>%n fiche de citoyen inutilisée depuis la période de conservation effacée de ce poste.</numerusform>
            <numerusform>%n fiches de citoyen inutilisées depuis la période de conservation effacées de ce poste.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="594"/>
        <source>Cet article n&apos;existe plus.</source>
        <translation>Cet article n&apos;existe plus.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="601"/>
        <source>Banque d&apos;information indisponible</source>
        <translation>Banque d&apos;information indisponible</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="604"/>
        <source>Le stockage local %1 a été écrit par une version plus récente de Relais. Il n&apos;a pas été modifié : installez la version récente de Relais, ou lancez Relais avec un autre dossier de données (--data-dir).</source>
        <translation>Le stockage local %1 a été écrit par une version plus récente de Relais. Il n&apos;a pas été modifié : installez la version récente de Relais, ou lancez Relais avec un autre dossier de données (--data-dir).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="609"/>
        <source>Le stockage local ne peut pas être ouvert : %1.</source>
        <translation>Le stockage local ne peut pas être ouvert : %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="617"/>
        <source>Le stockage local de ce poste était inutilisable (%1). Il a été mis de côté, sans être modifié, sous :
%2

%3 opération(s) non transmise(s) ont été récupérées et seront envoyées au stockage central ; Relais repart d&apos;un stockage neuf, et les dossiers reviennent du stockage central à la synchronisation. Les numéros de dossier déjà donnés ne seront pas redonnés.</source>
        <translation>Le stockage local de ce poste était inutilisable (%1). Il a été mis de côté, sans être modifié, sous :
%2

%3 opération(s) non transmise(s) ont été récupérées et seront envoyées au stockage central ; Relais repart d&apos;un stockage neuf, et les dossiers reviennent du stockage central à la synchronisation. Les numéros de dossier déjà donnés ne seront pas redonnés.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="630"/>
        <source>%1 élément(s) illisible(s) sont restés dans la copie mise de côté.</source>
        <translation>%1 élément(s) illisible(s) sont restés dans la copie mise de côté.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="637"/>
        <source>Relais</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="645"/>
        <source>Recherche : %1 ms</source>
        <translation>Recherche : %1 ms</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="650"/>
        <source>Ouverture de la banque d&apos;information…</source>
        <translation>Ouverture de la banque d&apos;information…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="653"/>
        <source>%n article(s) · stockage local</source>
        <translation>
            <numerusform>%n article · stockage local</numerusform>
            <numerusform>%n articles · stockage local</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="660"/>
        <source>À propos de Relais</source>
        <translation>À propos de Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="661"/>
        <source>Relais %1 — console des agents 311 et des Bureaux Accès Montréal.</source>
        <translation>Relais %1 — console des agents 311 et des Bureaux Accès Montréal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="686"/>
        <location filename="../../app/ui/main_window.py" line="723"/>
        <source>Quitter Relais</source>
        <translation>Quitter Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="687"/>
        <source>Une demande est en cours de saisie et n&apos;est pas enregistrée.</source>
        <translation>Une demande est en cours de saisie et n&apos;est pas enregistrée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="690"/>
        <source>Si vous quittez, elle est gardée comme brouillon sur ce poste et reprise dans le formulaire au prochain démarrage.</source>
        <translation>Si vous quittez, elle est gardée comme brouillon sur ce poste et reprise dans le formulaire au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="695"/>
        <source>&amp;Quitter quand même</source>
        <translation>&amp;Quitter quand même</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="698"/>
        <location filename="../../app/ui/main_window.py" line="736"/>
        <source>Annuler</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="725"/>
        <source>Le brouillon n&apos;a pas pu être enregistré sur ce poste (%1).</source>
        <translation>Le brouillon n&apos;a pas pu être enregistré sur ce poste (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="730"/>
        <source>Si vous quittez maintenant, ce qui est saisi dans le formulaire sera perdu.</source>
        <translation>Si vous quittez maintenant, ce qui est saisi dans le formulaire sera perdu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="733"/>
        <source>Quitter et &amp;perdre la saisie</source>
        <translation>Quitter et &amp;perdre la saisie</translation>
    </message>
</context>
<context>
    <name>NoteCorrection</name>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="294"/>
        <source>Corriger la note refusée</source>
        <translation>Corriger la note refusée</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="298"/>
        <source>Le stockage central a refusé cette note :</source>
        <translation>Le stockage central a refusé cette note :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="303"/>
        <source>Texte de la note</source>
        <translation>Texte de la note</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="312"/>
        <source>Renvoyer (Ctrl+Entrée)</source>
        <translation>Renvoyer (Ctrl+Entrée)</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message numerus="yes">
        <location filename="../../app/ui/sync/sync_status.py" line="179"/>
        <source>Registre central injoignable : votre travail est conservé sur ce poste et sera transmis dès le retour de la connexion (%n opération(s) en attente).</source>
        <translation>
            <numerusform>Registre central injoignable : votre travail est conservé sur ce poste et sera transmis dès le retour de la connexion (%n opération en attente).</numerusform>
            <numerusform>Registre central injoignable : votre travail est conservé sur ce poste et sera transmis dès le retour de la connexion (%n opérations en attente).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="190"/>
        <source>Session expirée : reconnectez-vous (Fichier &gt; Se connecter). Le travail en attente est conservé.</source>
        <translation>Session expirée : reconnectez-vous (Fichier &gt; Se connecter). Le travail en attente est conservé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="198"/>
        <source>Non connecté au registre central : connectez-vous (Fichier &gt; Se connecter). Le travail est conservé sur ce poste en attendant.</source>
        <translation>Non connecté au registre central : connectez-vous (Fichier &gt; Se connecter). Le travail est conservé sur ce poste en attendant.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="36"/>
        <source>Fin de l&apos;interaction</source>
        <translation>Fin de l&apos;interaction</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="38"/>
        <source>1  Information donnée</source>
        <translation>1  Information donnée</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="39"/>
        <source>2  Référence vers un autre service</source>
        <translation>2  Référence vers un autre service</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="40"/>
        <source>3  Demande créée</source>
        <translation>3  Demande créée</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="41"/>
        <source>4  Transfert</source>
        <translation>4  Transfert</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="57"/>
        <source>Résultat de l&apos;interaction :</source>
        <translation>Résultat de l&apos;interaction :</translation>
    </message>
</context>
<context>
    <name>RefusalBanner</name>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="155"/>
        <location filename="../../app/ui/cases/refusal_banner.py" line="166"/>
        <location filename="../../app/ui/cases/refusal_banner.py" line="239"/>
        <source>Refusé par le stockage central</source>
        <translation>Refusé par le stockage central</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="170"/>
        <source>Le stockage central n&apos;a aucune copie de ce dossier</source>
        <translation>Le stockage central n&apos;a aucune copie de ce dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="208"/>
        <source>%1, refusée le %2</source>
        <translation>%1, refusée le %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="213"/>
        <source>• Le stockage central n&apos;a pas donné de raison.</source>
        <translation>• Le stockage central n&apos;a pas donné de raison.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="221"/>
        <source>Ne se corrige pas depuis ce dossier (%1) : seul l&apos;abandon de la modification est possible.</source>
        <translation>Ne se corrige pas depuis ce dossier (%1) : seul l&apos;abandon de la modification est possible.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/cases/refusal_banner.py" line="231"/>
        <source>%n autre(s) modification(s) de ce dossier attend(ent) sa création : renvoyée(s) en même temps.</source>
        <translation>
            <numerusform>%n autre modification de ce dossier attend sa création : elle sera renvoyée en même temps.</numerusform>
            <numerusform>%n autres modifications de ce dossier attendent sa création : elles seront renvoyées en même temps.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="245"/>
        <source>Corriger et renvoyer (Ctrl+E)</source>
        <translation>Corriger et renvoyer (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="249"/>
        <source>Abandonner la modification…</source>
        <translation>Abandonner la modification…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="251"/>
        <source>Abandonner la création…</source>
        <translation>Abandonner la création…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="262"/>
        <source>Sa création a été abandonnée et le stockage central ne l&apos;a jamais reçue. Ce dossier n&apos;existe que sur ce poste ; retirez-le quand vous voulez.</source>
        <translation>Sa création a été abandonnée et le stockage central ne l&apos;a jamais reçue. Ce dossier n&apos;existe que sur ce poste ; retirez-le quand vous voulez.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="269"/>
        <source>Retirer ce dossier du poste…</source>
        <translation>Retirer ce dossier du poste…</translation>
    </message>
</context>
<context>
    <name>RefusalTexts</name>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="41"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="42"/>
        <source>N° civique</source>
        <translation>N° civique</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="43"/>
        <source>Rue</source>
        <translation>Rue</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="44"/>
        <source>Code postal</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="45"/>
        <source>Arrondissement</source>
        <translation>Arrondissement</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="46"/>
        <location filename="../../app/ui/cases/refusal_banner.py" line="90"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="47"/>
        <source>Type de demande</source>
        <translation>Type de demande</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="48"/>
        <source>Citoyen</source>
        <translation>Citoyen</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="49"/>
        <source>Canal</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="50"/>
        <source>Date de saisie</source>
        <translation>Date de saisie</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="51"/>
        <source>Échéance</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="52"/>
        <source>Numéro de dossier</source>
        <translation>Numéro de dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="53"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="54"/>
        <location filename="../../app/ui/cases/refusal_banner.py" line="62"/>
        <source>Précisions</source>
        <translation>Précisions</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="55"/>
        <location filename="../../app/ui/cases/refusal_banner.py" line="56"/>
        <source>Coordonnées</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="57"/>
        <source>Dossier d&apos;origine</source>
        <translation>Dossier d&apos;origine</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="58"/>
        <source>Statut</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="59"/>
        <source>Version du dossier</source>
        <translation>Version du dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="71"/>
        <source>« %1 » (message du stockage central)</source>
        <translation>« %1 » (message du stockage central)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="79"/>
        <source>%1 : %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="88"/>
        <source>Création de la demande</source>
        <translation>Création de la demande</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="89"/>
        <source>Modification du dossier</source>
        <translation>Modification du dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="91"/>
        <source>Ajout d&apos;un citoyen au dossier</source>
        <translation>Ajout d&apos;un citoyen au dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="94"/>
        <source>Lien de doublon</source>
        <translation>Lien de doublon</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="95"/>
        <source>Fiche du citoyen</source>
        <translation>Fiche du citoyen</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="96"/>
        <source>Interaction</source>
        <translation>Interaction</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../app/ui/cases/reopen_dialog.py" line="29"/>
        <source>Réactiver le dossier %1</source>
        <translation>Réactiver le dossier %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/reopen_dialog.py" line="34"/>
        <source>Le dossier %1 (%2) est fermé. Le citoyen dit que ce n&apos;est pas réglé : le dossier redeviendra « Réactivée » et retournera à l&apos;unité responsable.</source>
        <translation>Le dossier %1 (%2) est fermé. Le citoyen dit que ce n&apos;est pas réglé : le dossier redeviendra « Réactivée » et retournera à l&apos;unité responsable.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/reopen_dialog.py" line="40"/>
        <source>&amp;Raison (ce que signale le citoyen) :</source>
        <translation>&amp;Raison (ce que signale le citoyen) :</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/reopen_dialog.py" line="54"/>
        <source>Réactiver</source>
        <translation>Réactiver</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="446"/>
        <source>La demande commencée n&apos;est pas enregistrée : elle reste dans le formulaire, avec son citoyen.</source>
        <translation>La demande commencée n&apos;est pas enregistrée : elle reste dans le formulaire, avec son citoyen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="551"/>
        <source>Le brouillon n&apos;a pas pu être gardé sur ce poste (%1). Le formulaire garde ce qui est saisi, mais un arrêt de Relais le perdrait : enregistrez la demande dès que possible.</source>
        <translation>Le brouillon n&apos;a pas pu être gardé sur ce poste (%1). Le formulaire garde ce qui est saisi, mais un arrêt de Relais le perdrait : enregistrez la demande dès que possible.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="575"/>
        <source>Le brouillon gardé n&apos;a pas pu être relu (%1).</source>
        <translation>Le brouillon gardé n&apos;a pas pu être relu (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="595"/>
        <source>Brouillon repris du %1 : vérifiez-le avec le citoyen avant d&apos;enregistrer.</source>
        <translation>Brouillon repris du %1 : vérifiez-le avec le citoyen avant d&apos;enregistrer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="625"/>
        <source>Nouvelle demande</source>
        <translation>Nouvelle demande</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="627"/>
        <source>Type de demande *</source>
        <translation>Type de demande *</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="629"/>
        <source>Tapez quelques lettres : nid-de-poule, lampadaire, bruit…</source>
        <translation>Tapez quelques lettres : nid-de-poule, lampadaire, bruit…</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="631"/>
        <source>Adresse</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="633"/>
        <source>N° &amp;civique</source>
        <translation>N° &amp;civique</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="634"/>
        <source>&amp;Rue</source>
        <translation>&amp;Rue</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="635"/>
        <source>Code p&amp;ostal</source>
        <translation>Code p&amp;ostal</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="636"/>
        <source>Arron&amp;dissement</source>
        <translation>Arron&amp;dissement</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="640"/>
        <source>ex. boul. Saint-Laurent</source>
        <translation>ex. boul. Saint-Laurent</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="643"/>
        <source>tapez quelques lettres : plateau, verdun…</source>
        <translation>tapez quelques lettres : plateau, verdun…</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="644"/>
        <source>H2X 1Y4</source>
        <translation>H2X 1Y4</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="645"/>
        <source>Détails</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="626"/>
        <source>Cana&amp;l</source>
        <translation>Cana&amp;l</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="646"/>
        <source>De&amp;scription</source>
        <translation>De&amp;scription</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="648"/>
        <source>Ce que le citoyen signale, dans ses mots. Les articles utiles s&apos;affichent.</source>
        <translation>Ce que le citoyen signale, dans ses mots. Les articles utiles s&apos;affichent.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="924"/>
        <source>Demande enregistrée. Numéro de dossier :</source>
        <translation>Demande enregistrée. Numéro de dossier :</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="652"/>
        <source>Enregistrer la demande</source>
        <translation>Enregistrer la demande</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="654"/>
        <source>Ouvrir un des articles suggérés</source>
        <translation>Ouvrir un des articles suggérés</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="674"/>
        <source> (ville liée)</source>
        <translation> (ville liée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="688"/>
        <source>adresse requise</source>
        <translation>adresse requise</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="688"/>
        <source>sans adresse</source>
        <translation>sans adresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="718"/>
        <source>Ouverture du stockage local…</source>
        <translation>Ouverture du stockage local…</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="723"/>
        <source>Choisissez le type de demande pour voir où elle ira.</source>
        <translation>Choisissez le type de demande pour voir où elle ira.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="736"/>
        <source>Unité responsable : &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Unité responsable : &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="740"/>
        <source>Hors des heures de bureau : prise en charge maintenant par &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Hors des heures de bureau : prise en charge maintenant par &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="744"/>
        <source>Prise en charge maintenant par l&apos;unité responsable.</source>
        <translation>Prise en charge maintenant par l&apos;unité responsable.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/request_form.py" line="747"/>
        <source>%n jour(s) ouvrable(s)</source>
        <translation>
            <numerusform>%n jour ouvrable</numerusform>
            <numerusform>%n jours ouvrables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/request_form.py" line="748"/>
        <source>%n heure(s) ouvrable(s)</source>
        <translation>
            <numerusform>%n heure ouvrable</numerusform>
            <numerusform>%n heures ouvrables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/request_form.py" line="749"/>
        <source>%n heure(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="752"/>
        <source>Échéance : &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>Échéance : &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="785"/>
        <source>Souvent, un article répond à la question sans ouvrir de demande.</source>
        <translation>Souvent, un article répond à la question sans ouvrir de demande.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="790"/>
        <source>Les articles de la banque d&apos;information liés à la description s&apos;afficheront ici.</source>
        <translation>Les articles de la banque d&apos;information liés à la description s&apos;afficheront ici.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="825"/>
        <source> — EN RETARD</source>
        <translation> — EN RETARD</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="845"/>
        <source>Configurez d&apos;abord le poste (Fichier &gt; Poste).</source>
        <translation>Configurez d&apos;abord le poste (Fichier &gt; Poste).</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="872"/>
        <source>Un dossier semblable est ouvert : joignez-y le citoyen, ou enregistrez quand même.</source>
        <translation>Un dossier semblable est ouvert : joignez-y le citoyen, ou enregistrez quand même.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="909"/>
        <source>Citoyen joint au dossier %1.</source>
        <translation>Citoyen joint au dossier %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="922"/>
        <source>Citoyen joint au dossier existant. Numéro de dossier :</source>
        <translation>Citoyen joint au dossier existant. Numéro de dossier :</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="936"/>
        <source>Ce qui a été modifié pendant l&apos;enregistrement est resté dans le formulaire.</source>
        <translation>Ce qui a été modifié pendant l&apos;enregistrement est resté dans le formulaire.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="980"/>
        <source>Numéro de dossier copié</source>
        <translation>Numéro de dossier copié</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/request_form.py" line="999"/>
        <source>%n champ(s) à corriger : rien n&apos;a été effacé.</source>
        <translation>
            <numerusform>%n champ à corriger : rien n&apos;a été effacé.</numerusform>
            <numerusform>%n champs à corriger : rien n&apos;a été effacé.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="1031"/>
        <source>La demande n&apos;a pas pu être enregistrée (%1). Rien n&apos;a été effacé ; réessayez avec Ctrl+Entrée.</source>
        <translation>La demande n&apos;a pas pu être enregistrée (%1). Rien n&apos;a été effacé ; réessayez avec Ctrl+Entrée.</translation>
    </message>
</context>
<context>
    <name>RequestSide</name>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="190"/>
        <source>Acheminement et échéance</source>
        <translation>Acheminement et échéance</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="191"/>
        <source>Demande enregistrée. Numéro de dossier :</source>
        <translation>Demande enregistrée. Numéro de dossier :</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="194"/>
        <source>Lisez ce numéro au citoyen. La demande est conservée sur ce poste et transmise au registre central dès que possible.</source>
        <translation>Lisez ce numéro au citoyen. La demande est conservée sur ce poste et transmise au registre central dès que possible.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="198"/>
        <source>Copier le numéro</source>
        <translation>Copier le numéro</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="199"/>
        <source>Voir le dossier</source>
        <translation>Voir le dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="201"/>
        <source>Dossiers ouverts pour ce service à la même adresse :</source>
        <translation>Dossiers ouverts pour ce service à la même adresse :</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="203"/>
        <source>&amp;Joindre le citoyen à ce dossier</source>
        <translation>&amp;Joindre le citoyen à ce dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="204"/>
        <source>Enregistrer &amp;quand même</source>
        <translation>Enregistrer &amp;quand même</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="205"/>
        <source>Articles suggérés</source>
        <translation>Articles suggérés</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="206"/>
        <source>Enregistrer (Ctrl+Entrée)</source>
        <translation>Enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="207"/>
        <source>Vider le formulaire</source>
        <translation>Vider le formulaire</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="102"/>
        <source>Rechercher dans la banque d&apos;information (Ctrl+K)…</source>
        <translation>Rechercher dans la banque d&apos;information (Ctrl+K)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="103"/>
        <source>Recherche</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="104"/>
        <source>Résultats</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="129"/>
        <source>Recherche impossible : %1</source>
        <translation>Recherche impossible : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="141"/>
        <source>Tapez quelques mots : les résultats suivent la frappe.</source>
        <translation>Tapez quelques mots : les résultats suivent la frappe.</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="145"/>
        <source>Aucun article ne correspond. Essayez d&apos;autres mots.</source>
        <translation>Aucun article ne correspond. Essayez d&apos;autres mots.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/search/search_panel.py" line="147"/>
        <source>%n article(s) contenant une partie des mots</source>
        <translation>
            <numerusform>%n article contenant une partie des mots</numerusform>
            <numerusform>%n articles contenant une partie des mots</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/search/search_panel.py" line="149"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="112"/>
        <source>Paramètres</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="114"/>
        <source>Adresse du &amp;registre central</source>
        <translation>Adresse du &amp;registre central</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="115"/>
        <source>Code de &amp;poste</source>
        <translation>Code de &amp;poste</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="116"/>
        <source>&amp;Canal par défaut</source>
        <translation>&amp;Canal par défaut</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="117"/>
        <source>&amp;Langue de l&apos;interface</source>
        <translation>&amp;Langue de l&apos;interface</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="118"/>
        <source>Con&amp;servation des données des citoyens (jours)</source>
        <translation>Con&amp;servation des données des citoyens (jours)</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="119"/>
        <source>&amp;Taille du texte (points)</source>
        <translation>&amp;Taille du texte (points)</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="123"/>
        <source>vide : ce poste travaille en local seulement</source>
        <translation>vide : ce poste travaille en local seulement</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="124"/>
        <source>vide : la taille du système</source>
        <translation>vide : la taille du système</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="125"/>
        <source>Selon le lieu de travail</source>
        <translation>Selon le lieu de travail</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="128"/>
        <source>Langue du système</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="135"/>
        <source>Adresse attendue : https:// suivi du nom du serveur, par exemple https://relais.montreal.ca ; vide pour travailler en local.</source>
        <translation>Adresse attendue : https:// suivi du nom du serveur, par exemple https://relais.montreal.ca ; vide pour travailler en local.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="139"/>
        <source>Utilisez https:// (http:// seulement pour un serveur sur cet ordinateur, localhost).</source>
        <translation>Utilisez https:// (http:// seulement pour un serveur sur cet ordinateur, localhost).</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="143"/>
        <source>Retirez le nom d&apos;utilisateur et le mot de passe de l&apos;adresse (la partie avant @) : ils sont demandés à la connexion.</source>
        <translation>Retirez le nom d&apos;utilisateur et le mot de passe de l&apos;adresse (la partie avant @) : ils sont demandés à la connexion.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="146"/>
        <source>Choisissez un des canaux proposés.</source>
        <translation>Choisissez un des canaux proposés.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="148"/>
        <source>Choisissez la langue du système, le français ou l&apos;anglais.</source>
        <translation>Choisissez la langue du système, le français ou l&apos;anglais.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="150"/>
        <source>Nombre entier de jours, de 1 à 365, par exemple 30.</source>
        <translation>Nombre entier de jours, de 1 à 365, par exemple 30.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="151"/>
        <source>Taille en points, de 8 à 28, ou vide pour la taille du système.</source>
        <translation>Taille en points, de 8 à 28, ou vide pour la taille du système.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/ui/shortcuts_dialog.py" line="109"/>
        <location filename="../../app/ui/shortcuts_dialog.py" line="117"/>
        <source>Raccourcis clavier</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts_dialog.py" line="114"/>
        <source>Touches</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts_dialog.py" line="114"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>SupervisorView</name>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="280"/>
        <source>Indicateurs de service</source>
        <translation>Indicateurs de service</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="281"/>
        <source>&amp;Période :</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="283"/>
        <source>Aujourd&apos;hui</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="284"/>
        <source>7 derniers jours</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="285"/>
        <source>30 derniers jours</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="289"/>
        <source>&amp;Actualiser</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="290"/>
        <source>&amp;Exporter en CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="291"/>
        <source>Appels répondus en moins de 100 s</source>
        <translation>Appels répondus en moins de 100 s</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="292"/>
        <source>Courriels répondus en moins de 48 h</source>
        <translation>Courriels répondus en moins de 48 h</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="293"/>
        <source>Courriels en attente depuis plus de 48 h</source>
        <translation>Courriels en attente depuis plus de 48 h</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="294"/>
        <source>Requêtes ouvertes en retard</source>
        <translation>Requêtes ouvertes en retard</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="296"/>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="478"/>
        <source>Aucune interaction sur cette période.</source>
        <translation>Aucune interaction sur cette période.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="298"/>
        <source>Interactions par heure</source>
        <translation>Interactions par heure</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="299"/>
        <source>Durée de traitement</source>
        <translation>Durée de traitement</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="300"/>
        <source>Requêtes par service</source>
        <translation>Requêtes par service</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="301"/>
        <source>Plaintes</source>
        <translation>Plaintes</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="302"/>
        <source>Requêtes en retard</source>
        <translation>Requêtes en retard</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="147"/>
        <source>Canal</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="152"/>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="155"/>
        <source>Durée moyenne</source>
        <translation>Durée moyenne</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="164"/>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="214"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="166"/>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="216"/>
        <source>Arrondissement</source>
        <translation>Arrondissement</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="170"/>
        <source>Requêtes</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="175"/>
        <source>Motif</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="176"/>
        <source>Ouvertes</source>
        <translation>Ouvertes</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="178"/>
        <source>&lt; 2 jours</source>
        <translation>&lt; 2 jours</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="184"/>
        <source>2 à 7 jours</source>
        <translation>2 à 7 jours</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="190"/>
        <source>7 à 30 jours</source>
        <translation>7 à 30 jours</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="196"/>
        <source>&gt; 30 jours</source>
        <translation>&gt; 30 jours</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="202"/>
        <source>Plus ancienne (jours)</source>
        <translation>Plus ancienne (jours)</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="212"/>
        <source>N° de cas</source>
        <translation>N° de cas</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="221"/>
        <source>Unité responsable</source>
        <translation>Unité responsable</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="226"/>
        <source>Statut</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="231"/>
        <source>Échéance</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="236"/>
        <source>Jours de retard</source>
        <translation>Jours de retard</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="398"/>
        <source>Mise à jour…</source>
        <translation>Mise à jour…</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="399"/>
        <source>Serveur injoignable : données du %1.</source>
        <translation>Serveur injoignable : données du %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="401"/>
        <source>Serveur injoignable et aucune donnée gardée sur ce poste.</source>
        <translation>Serveur injoignable et aucune donnée gardée sur ce poste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="402"/>
        <source>Réservé aux superviseurs et aux administrateurs.</source>
        <translation>Réservé aux superviseurs et aux administrateurs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="403"/>
        <source>Session terminée : reconnectez-vous (menu Fichier).</source>
        <translation>Session terminée : reconnectez-vous (menu Fichier).</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="404"/>
        <source>Le serveur a refusé la demande ; données du %1.</source>
        <translation>Le serveur a refusé la demande ; données du %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="408"/>
        <source>Aucun serveur configuré : les indicateurs viennent du serveur central.</source>
        <translation>Aucun serveur configuré : les indicateurs viennent du serveur central.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="412"/>
        <source>Données du %1.</source>
        <translation>Données du %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="434"/>
        <source>%1 sur %2 appels dont l&apos;heure d&apos;arrivée est connue ; cible 80 %</source>
        <translation>%1 sur %2 appels dont l&apos;heure d&apos;arrivée est connue ; cible 80 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="441"/>
        <source>%1 sur %2 courriels ; cible : tous en 48 h</source>
        <translation>%1 sur %2 courriels ; cible : tous en 48 h</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="449"/>
        <source>Le plus ancien attend depuis %1 h</source>
        <translation>Le plus ancien attend depuis %1 h</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="456"/>
        <source>Échéance annoncée dépassée, toutes périodes</source>
        <translation>Échéance annoncée dépassée, toutes périodes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="465"/>
        <source>%n requête(s) en retard.</source>
        <translation>
            <numerusform>%n requête en retard.</numerusform>
            <numerusform>%n requêtes en retard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="467"/>
        <source>Les %n plus ancienne(s) ci-dessous.</source>
        <translation>
            <numerusform>La plus ancienne ci-dessous.</numerusform>
            <numerusform>Les %n plus anciennes ci-dessous.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="474"/>
        <source>Aucun chiffre à afficher pour l&apos;instant.</source>
        <translation>Aucun chiffre à afficher pour l&apos;instant.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="479"/>
        <source>Aucune requête créée sur cette période.</source>
        <translation>Aucune requête créée sur cette période.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="480"/>
        <source>Aucune plainte ouverte.</source>
        <translation>Aucune plainte ouverte.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="481"/>
        <source>Aucune requête en retard.</source>
        <translation>Aucune requête en retard.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="514"/>
        <source>Exporter les requêtes en retard</source>
        <translation>Exporter les requêtes en retard</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="514"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="522"/>
        <source>&amp;Voir dans :</source>
        <translation>&amp;Voir dans :</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="523"/>
        <source>&amp;Nom du fichier :</source>
        <translation>&amp;Nom du fichier :</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="524"/>
        <source>&amp;Type de fichier :</source>
        <translation>&amp;Type de fichier :</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="525"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="526"/>
        <source>Annuler</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="550"/>
        <source>Export impossible : %1. Choisissez un autre dossier.</source>
        <translation>Export impossible : %1. Choisissez un autre dossier.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="556"/>
        <source>%n ligne(s) exportée(s) dans %1.</source>
        <translation>
            <numerusform>%n ligne exportée dans %1.</numerusform>
            <numerusform>%n lignes exportées dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="220"/>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="230"/>
        <source>Opération</source>
        <translation>Opération</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="233"/>
        <source>État</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="234"/>
        <source>Détail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="231"/>
        <source>Dossier ou citoyen</source>
        <translation>Dossier ou citoyen</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="232"/>
        <source>Enregistrée le</source>
        <translation>Enregistrée le</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="256"/>
        <source>&amp;Ouvrir le dossier</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="261"/>
        <source>&amp;Synchroniser maintenant</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="264"/>
        <source>&amp;Régler les conflits…</source>
        <translation>&amp;Régler les conflits…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="284"/>
        <source>État : %1</source>
        <translation>État : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync/sync_status.py" line="285"/>
        <source>%n opération(s) en attente d&apos;envoi.</source>
        <translation>
            <numerusform>%n opération en attente d&apos;envoi.</numerusform>
            <numerusform>%n opérations en attente d&apos;envoi.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="289"/>
        <source>Dernière synchronisation réussie : %1</source>
        <translation>Dernière synchronisation réussie : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="295"/>
        <source>Dernière erreur : %1</source>
        <translation>Dernière erreur : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="308"/>
        <source>En attente</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="309"/>
        <source>Refusée par le registre</source>
        <translation>Refusée par le registre</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="310"/>
        <source>Conflit à régler</source>
        <translation>Conflit à régler</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="338"/>
        <source>Citoyen sans nom</source>
        <translation>Citoyen sans nom</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="349"/>
        <source>Champs modifiés par un collègue : %1</source>
        <translation>Champs modifiés par un collègue : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="356"/>
        <source>Le registre central n&apos;a pas ce dossier.</source>
        <translation>Le registre central n&apos;a pas ce dossier.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="357"/>
        <source>Votre rôle ne permet pas cette modification.</source>
        <translation>Votre rôle ne permet pas cette modification.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message numerus="yes">
        <location filename="../../app/ui/sync/sync_status.py" line="115"/>
        <source>%n en attente</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync/sync_status.py" line="117"/>
        <source>%n à régler</source>
        <translation>
            <numerusform>%n à régler</numerusform>
            <numerusform>%n à régler</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="120"/>
        <source>synchronisé à %1</source>
        <translation>synchronisé à %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="124"/>
        <source>Cliquez pour voir les opérations (Ctrl+Maj+S)</source>
        <translation>Cliquez pour voir les opérations (Ctrl+Maj+S)</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="48"/>
        <source>stockage local : %1</source>
        <translation>stockage local : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="52"/>
        <source>le registre central ne répond pas (réseau coupé ou serveur arrêté) ; le travail reste sur ce poste et la synchronisation reprendra seule</source>
        <translation>le registre central ne répond pas (réseau coupé ou serveur arrêté) ; le travail reste sur ce poste et la synchronisation reprendra seule</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="58"/>
        <source>la session a expiré ou a été révoquée : reconnectez-vous</source>
        <translation>la session a expiré ou a été révoquée : reconnectez-vous</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="60"/>
        <source>le registre central est surchargé ou en maintenance ; nouvel essai automatique</source>
        <translation>le registre central est surchargé ou en maintenance ; nouvel essai automatique</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="67"/>
        <source>le registre central a refusé : %1</source>
        <translation>le registre central a refusé : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="70"/>
        <source>le registre central a refusé la demande (code %1)</source>
        <translation>le registre central a refusé la demande (code %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="74"/>
        <source>la communication avec le registre central a échoué ; nouvel essai automatique</source>
        <translation>la communication avec le registre central a échoué ; nouvel essai automatique</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="78"/>
        <source>erreur interne de Relais, notée dans son journal ; nouvel essai automatique</source>
        <translation>erreur interne de Relais, notée dans son journal ; nouvel essai automatique</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="86"/>
        <source>En ligne</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="87"/>
        <source>Synchronisation…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="88"/>
        <source>Hors ligne</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="89"/>
        <source>Erreur de synchronisation</source>
        <translation>Erreur de synchronisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="90"/>
        <source>Session expirée : se reconnecter</source>
        <translation>Session expirée : se reconnecter</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="93"/>
        <source>Non connecté</source>
        <translation>Non connecté</translation>
    </message>
</context>
<context>
    <name>WorkstationDialog</name>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="90"/>
        <source>Poste de travail</source>
        <translation>Poste de travail</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="93"/>
        <source>Ce poste a besoin d&apos;un code de poste (001 à 899) fourni par le responsable du déploiement : il fait partie de chaque numéro de dossier créé ici, ce qui les rend uniques même hors ligne.</source>
        <translation>Ce poste a besoin d&apos;un code de poste (001 à 899) fourni par le responsable du déploiement : il fait partie de chaque numéro de dossier créé ici, ce qui les rend uniques même hors ligne.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="98"/>
        <source>Code de &amp;poste</source>
        <translation>Code de &amp;poste</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="99"/>
        <source>&amp;Utilisateur</source>
        <translation>&amp;Utilisateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="100"/>
        <source>&amp;Lieu de travail</source>
        <translation>&amp;Lieu de travail</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="101"/>
        <source>Centre 311 (téléphone)</source>
        <translation>Centre 311 (téléphone)</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="102"/>
        <source>Bureau Accès Montréal (comptoir)</source>
        <translation>Bureau Accès Montréal (comptoir)</translation>
    </message>
</context>
</TS>
