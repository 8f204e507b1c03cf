<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_CA" sourcelanguage="fr_CA">
<context>
    <name>ArticlePanel</name>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="120"/>
        <source>Référence</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="121"/>
        <source>Copier la référence</source>
        <translation>Copy referral</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="122"/>
        <source>Créer une demande pour ce service (Ctrl+Maj+N)</source>
        <translation>Create a request for this service (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="125"/>
        <source>Copie l&apos;unité, le téléphone, l&apos;adresse, les heures et les documents envoyables</source>
        <translation>Copies the unit, phone, address, hours and the documents that can be sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="129"/>
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="130"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="131"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="132"/>
        <source>Heures</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="136"/>
        <source>Afficher en français</source>
        <translation>Show in French</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="137"/>
        <source>Afficher en anglais</source>
        <translation>Show in English</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="140"/>
        <source>Cherchez à gauche, puis Entrée pour ouvrir un article.
Ctrl+K revient à la recherche.</source>
        <translation>Search on the left, then Enter to open an article.
Ctrl+K returns to the search.</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="183"/>
        <source>mis à jour le %1</source>
        <translation>updated %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/article_view.py" line="200"/>
        <source>Documents envoyables sur demande : %1</source>
        <translation>Documents that can be sent on request: %1</translation>
    </message>
</context>
<context>
    <name>AttributeFields</name>
    <message>
        <location filename="../../app/ui/request/attribute_fields.py" line="151"/>
        <source>AAAA-MM-JJ HH:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/attribute_fields.py" line="153"/>
        <source>nombre</source>
        <translation>number</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="448"/>
        <source>Aucun dossier ouvert. Cherchez un dossier ci-dessus, puis ↓ et Entrée pour l&apos;afficher ici.</source>
        <translation>No case open. Search for a case above, then ↓ and Enter to show it here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="455"/>
        <source>Numéro de dossier</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="456"/>
        <location filename="../../app/ui/cases/case_render.py" line="96"/>
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="53"/>
        <source>Pas encore transmis au stockage central</source>
        <translation>Not yet sent to the central store</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="457"/>
        <source>Citoyens concernés</source>
        <translation>Citizens concerned</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="315"/>
        <source>Mis à jour à %1</source>
        <translation>Updated at %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="317"/>
        <source>Un changement venu du stockage central a été relu à %1.</source>
        <translation>A change from the central store was read in at %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="458"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="459"/>
        <source>Précisions</source>
        <translation>Additional details</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="460"/>
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="461"/>
        <source>&amp;Note à ajouter au dossier</source>
        <translation>&amp;Note to add to the case</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="462"/>
        <source>Ce que le citoyen a dit ou ce qui a été fait</source>
        <translation>What the citizen said or what was done</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="463"/>
        <source>Note à ajouter au dossier</source>
        <translation>Note to add to the case</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="464"/>
        <source>Ajouter la note (Ctrl+Entrée)</source>
        <translation>Add the note (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="465"/>
        <source>Modifier (Ctrl+E)</source>
        <translation>Edit (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="466"/>
        <source>Réactiver… (Ctrl+R)</source>
        <translation>Reopen… (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="468"/>
        <source>Le citoyen dit que ce n&apos;est pas réglé : rouvrir le dossier, avec la raison</source>
        <translation>The citizen says it is not fixed: reopen the case, with the reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="471"/>
        <source>Corriger la description ou l&apos;emplacement de ce dossier</source>
        <translation>Correct this case&apos;s description or location</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="478"/>
        <source>Type de demande :</source>
        <translation>Request type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="479"/>
        <source>Nature :</source>
        <translation>Nature:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="480"/>
        <source>Statut :</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="481"/>
        <source>Canal :</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="482"/>
        <source>Créé le :</source>
        <translation>Created:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="483"/>
        <source>Échéance :</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="484"/>
        <source>Adresse :</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="485"/>
        <source>Arrondissement :</source>
        <translation>Borough:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="486"/>
        <source>Unité responsable :</source>
        <translation>Responsible unit:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="487"/>
        <source>Prise en charge par :</source>
        <translation>Handled by:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_detail.py" line="488"/>
        <source>Doublon du dossier :</source>
        <translation>Duplicate of case:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="56"/>
        <source>Modifications pas encore transmises au stockage central</source>
        <translation>Changes not yet sent to the central store</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="60"/>
        <source>Conflit à régler : un collègue a modifié les mêmes champs</source>
        <translation>Conflict to settle: a colleague changed the same fields</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="64"/>
        <source>Copie du stockage central à récupérer à la prochaine synchronisation</source>
        <translation>The central store&apos;s copy will be fetched at the next sync</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="111"/>
        <source>Aucun : signalement anonyme.</source>
        <translation>None: anonymous report.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="164"/>
        <source>Aucun événement.</source>
        <translation>No events.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="175"/>
        <source>Demande créée</source>
        <translation>Request created</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="176"/>
        <source>Canal : %1</source>
        <translation>Channel: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="179"/>
        <source>Acheminée</source>
        <translation>Routed</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="183"/>
        <source>Statut modifié</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="187"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="191"/>
        <source>Doublon</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="194"/>
        <source>Citoyen ajouté au dossier</source>
        <translation>Citizen added to the case</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="198"/>
        <source>Dossier modifié</source>
        <translation>Case updated</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="202"/>
        <source>Corrigé et renvoyé au stockage central</source>
        <translation>Corrected and sent again to the central store</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="206"/>
        <source>Modification refusée abandonnée</source>
        <translation>Refused change dropped</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="218"/>
        <source>Refusée pour : %1</source>
        <translation>Refused for: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="229"/>
        <source>texte corrigé</source>
        <translation>text corrected</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="241"/>
        <source>%1 : %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="247"/>
        <source>Valeurs abandonnées : %1</source>
        <translation>Dropped values: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="255"/>
        <source>Texte abandonné :</source>
        <translation>Dropped text:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="261"/>
        <source>Description : %1</source>
        <translation>Description: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="271"/>
        <source>Unité responsable : %1</source>
        <translation>Responsible unit: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="277"/>
        <source>prise en charge par %1</source>
        <translation>handled by %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="281"/>
        <source>(hors des heures de bureau)</source>
        <translation>(outside office hours)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="284"/>
        <source>(réassignée)</source>
        <translation>(reassigned)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="286"/>
        <source>(changement d&apos;arrondissement)</source>
        <translation>(borough changed)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="301"/>
        <source>Doublon du dossier %1</source>
        <translation>Duplicate of case %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="304"/>
        <source>Le dossier %1 est un doublon de celui-ci</source>
        <translation>Case %1 is a duplicate of this one</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="311"/>
        <source>numéro civique</source>
        <translation>civic number</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="312"/>
        <source>rue</source>
        <translation>street</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="313"/>
        <source>code postal</source>
        <translation>postal code</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="314"/>
        <source>arrondissement</source>
        <translation>borough</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="315"/>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="316"/>
        <source>précisions</source>
        <translation>additional details</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="317"/>
        <source>type de demande</source>
        <translation>request type</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="318"/>
        <source>échéance</source>
        <translation>due date</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="319"/>
        <source>prise en charge</source>
        <translation>handled by</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="320"/>
        <source>note du statut</source>
        <translation>status note</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="321"/>
        <source>unité responsable</source>
        <translation>responsible unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_render.py" line="322"/>
        <source>citoyen</source>
        <translation>citizen</translation>
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
        <translation>Fields changed: %1</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="155"/>
        <source>Description :</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="156"/>
        <source>N° civique :</source>
        <translation>Civic no.:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="157"/>
        <source>Rue :</source>
        <translation>Street:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="158"/>
        <source>Code postal :</source>
        <translation>Postal code:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="159"/>
        <source>Arrondissement :</source>
        <translation>Borough:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="170"/>
        <source>Enregistrer (Ctrl+Entrée)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="165"/>
        <source>Annuler (Échap)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="172"/>
        <source>Renvoyer au stockage central (Ctrl+Entrée)</source>
        <translation>Send again to the central store (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="219"/>
        <source> (ville liée)</source>
        <translation> (related city)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="277"/>
        <source>Modifié par le stockage central pendant votre correction (à %1) : %2. Vos saisies sont gardées ; un champ que vous changez aussi deviendra un conflit à régler à l&apos;enregistrement.</source>
        <translation>Changed by the central store during your correction (at %1): %2. What you typed is kept; a field you change too will become a conflict to settle when you save.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_editor.py" line="286"/>
        <source>Modifié par le stockage central pendant votre correction (à %1) : les champs que vous corrigez n&apos;ont pas changé.</source>
        <translation>Changed by the central store during your correction (at %1): the fields you are correcting did not change.</translation>
    </message>
</context>
<context>
    <name>CaseHistoryPanel</name>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="269"/>
        <source>Numéro de dossier, téléphone, courriel ou adresse (Échap pour revenir ici)</source>
        <translation>Case number, phone, e-mail or address (Esc to come back here)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="271"/>
        <source>Recherche de dossiers</source>
        <translation>Case search</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="272"/>
        <source>Dossiers trouvés</source>
        <translation>Cases found</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="273"/>
        <source>Vouliez-vous dire :</source>
        <translation>Did you mean:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="276"/>
        <source>Dossier</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="277"/>
        <source>Type de demande</source>
        <translation>Request type</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="278"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="279"/>
        <source>Créé le</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="280"/>
        <source>Échéance</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="281"/>
        <source>Retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="282"/>
        <source>Stockage central</source>
        <translation>Central store</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="284"/>
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="285"/>
        <source>Refusé</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="290"/>
        <source>Revenir à la recherche de dossiers (ou abandonner la modification)</source>
        <translation>Back to the case search (or give up the correction)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="291"/>
        <source>Réactiver le dossier fermé, avec la raison</source>
        <translation>Reactivate the closed case, with the reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="292"/>
        <source>Modifier le dossier ouvert (ou corriger et renvoyer un refus)</source>
        <translation>Edit the open case (or correct and send again a refused change)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="293"/>
        <source>Ajouter la note, ou enregistrer la modification</source>
        <translation>Add the note, or save the correction</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="325"/>
        <source>Recherche impossible : %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="360"/>
        <source>Numéro de dossier</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="361"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="362"/>
        <source>Courriel</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="363"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="371"/>
        <source>Tapez un numéro de dossier, un téléphone, un courriel ou une adresse : les dossiers suivent la frappe.</source>
        <translation>Type a case number, phone number, e-mail or address: cases follow as you type.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/cases/case_history.py" line="378"/>
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="390"/>
        <source>%1 ?</source>
        <translation>%1?</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="393"/>
        <source>Ouvrir le dossier %1</source>
        <translation>Open case %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="495"/>
        <source>Dossier illisible : %1</source>
        <translation>Case cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="501"/>
        <source>Le dossier %1 n&apos;existe pas sur ce poste.</source>
        <translation>Case %1 does not exist on this workstation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="540"/>
        <source>Note non enregistrée : %1</source>
        <translation>Note not saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="551"/>
        <source>Note ajoutée au dossier %1</source>
        <translation>Note added to case %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="589"/>
        <source>Dossier non réactivé : %1</source>
        <translation>Case not reopened: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="599"/>
        <source>Dossier %1 réactivé : il retourne à l&apos;unité responsable.</source>
        <translation>Case %1 reopened: it goes back to the responsible unit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="646"/>
        <source>Cette modification refusée a déjà été réglée : rien n&apos;a été renvoyé.</source>
        <translation>This refused change was already settled: nothing was sent again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="653"/>
        <source>Les modifications n&apos;ont pas pu être enregistrées (%1). Rien n&apos;a été effacé : réessayez.</source>
        <translation>The changes could not be saved (%1). Nothing was erased: try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="668"/>
        <source>Dossier %1 modifié : les changements seront transmis au stockage central.</source>
        <translation>Case %1 changed: the changes will be sent to the central store.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="672"/>
        <source>Dossier %1 corrigé : la correction sera renvoyée au stockage central.</source>
        <translation>Case %1 corrected: the correction will be sent again to the central store.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="729"/>
        <source>La note n&apos;a pas pu être renvoyée (%1) : réessayez.</source>
        <translation>The note could not be sent again (%1): try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="742"/>
        <source>Note du dossier %1 corrigée : elle sera renvoyée au stockage central.</source>
        <translation>Note on case %1 corrected: it will be sent again to the central store.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="757"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="772"/>
        <source>Abandonner la création du dossier %1 ?

Le stockage central l&apos;a refusée. Elle sera retirée de la file d&apos;envoi (l&apos;historique du dossier le dira) et la copie du stockage central sera demandée. S&apos;il n&apos;en a aucune, vous pourrez retirer le dossier de ce poste.</source>
        <translation>Drop the creation of case %1?

The central store refused it. It will be taken out of the sending queue (the case&apos;s history will say so) and the central store&apos;s copy will be asked for. If it has none, you can remove the case from this workstation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="780"/>
        <source>Abandonner la modification du dossier %1 ?

Champs modifiés : %2. Elle sera retirée de la file d&apos;envoi ; ses valeurs restent lisibles dans l&apos;historique, et le dossier reprendra la copie du stockage central.</source>
        <translation>Drop the change to case %1?

Fields changed: %2. It will be taken out of the sending queue; its values stay readable in the history, and the case will take the central store&apos;s copy again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="786"/>
        <source>Abandonner la note refusée du dossier %1 ?

Elle sera retirée de la file d&apos;envoi ; son texte reste lisible dans l&apos;historique.</source>
        <translation>Drop the refused note on case %1?

It will be taken out of the sending queue; its text stays readable in the history.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="791"/>
        <source>Abandonner « %2 » sur le dossier %1 ?

L&apos;opération refusée sera retirée de la file d&apos;envoi ; l&apos;historique du dossier le dira.</source>
        <translation>Drop “%2” on case %1?

The refused operation will be taken out of the sending queue; the case&apos;s history will say so.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="795"/>
        <source>Abandonner une modification refusée</source>
        <translation>Drop a refused change</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="797"/>
        <source>&amp;Abandonner</source>
        <translation>&amp;Drop</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="818"/>
        <source>Rien n&apos;a été abandonné : %1</source>
        <translation>Nothing was dropped: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="826"/>
        <source>Modification abandonnée, mais la copie du stockage central n&apos;a pas pu être appliquée (%1) : elle le sera à la prochaine synchronisation.</source>
        <translation>Change dropped, but the central store&apos;s copy could not be applied (%1): it will be at the next sync.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="852"/>
        <source>Modification abandonnée. Le stockage central est injoignable : sa copie du dossier %1 sera récupérée à la prochaine synchronisation.</source>
        <translation>Change dropped. The central store cannot be reached: its copy of case %1 will be fetched at the next sync.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="862"/>
        <source>Modification abandonnée : le dossier %1 montre la copie du stockage central.</source>
        <translation>Change dropped: case %1 shows the central store&apos;s copy.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="867"/>
        <source>Le stockage central n&apos;a aucune copie du dossier %1.</source>
        <translation>The central store has no copy of case %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="886"/>
        <source>Retirer le dossier de ce poste</source>
        <translation>Remove the case from this workstation</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="888"/>
        <source>Le stockage central n&apos;a aucune copie du dossier %1.

Le retirer de ce poste ? Sa description, son historique et ses notes seront effacés de ce poste ; il n&apos;existe nulle part ailleurs.</source>
        <translation>The central store has no copy of case %1.

Remove it from this workstation? Its description, history and notes will be erased from this workstation; it exists nowhere else.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="892"/>
        <source>&amp;Retirer le dossier</source>
        <translation>&amp;Remove the case</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="907"/>
        <source>Le dossier %1 n&apos;a pas été retiré : %2</source>
        <translation>Case %1 was not removed: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_history.py" line="921"/>
        <source>Dossier %1 retiré de ce poste : le stockage central n&apos;en avait aucune copie.</source>
        <translation>Case %1 removed from this workstation: the central store had no copy of it.</translation>
    </message>
</context>
<context>
    <name>CitizenBox</name>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="310"/>
        <source>Les coordonnées n&apos;ont pas pu être enregistrées (%1). Rien n&apos;a été effacé : réessayez.</source>
        <translation>The contact information could not be saved (%1). Nothing was cleared: try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="349"/>
        <source>Citoyen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="351"/>
        <source>Chercher par téléphone ou courriel (↓ pour choisir)…</source>
        <translation>Search by phone or e-mail (↓ to choose)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="353"/>
        <source>Recherche de citoyen</source>
        <translation>Citizen search</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="354"/>
        <source>Changer</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="358"/>
        <source>&amp;Nom</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="359"/>
        <source>Télé&amp;phone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="360"/>
        <source>Courr&amp;iel</source>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="361"/>
        <location filename="../../app/ui/request/citizen_box.py" line="371"/>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="366"/>
        <source>Ci&amp;toyen anonyme</source>
        <translation>&amp;Anonymous citizen</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="367"/>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="368"/>
        <source>Corriger les coordonnées de ce citoyen</source>
        <translation>Correct this citizen&apos;s contact information</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="371"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="371"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="371"/>
        <source>Courriel</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="375"/>
        <source>Enregistrer les coordonnées</source>
        <translation>Save contact information</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="376"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="404"/>
        <source>Ce type de demande exige les coordonnées du citoyen.</source>
        <translation>This request type requires the citizen&apos;s contact information.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/citizen_box.py" line="494"/>
        <source>%n citoyen(s) trouvé(s) : ↓ puis Entrée pour choisir</source>
        <translation>
            <numerusform>%n citizen found: ↓ then Enter to choose</numerusform>
            <numerusform>%n citizens found: ↓ then Enter to choose</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="498"/>
        <source>Aucun citoyen trouvé : Entrée pour le saisir comme nouveau citoyen.</source>
        <translation>No citizen found: Enter to add them as a new citizen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="505"/>
        <source>Recherche de citoyen impossible pour le moment : saisissez-le ci-dessous.</source>
        <translation>Citizen lookup is unavailable right now: enter the citizen below.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/citizen_box.py" line="510"/>
        <source>%n dossier(s) ouvert(s)</source>
        <translation>
            <numerusform>%n open case</numerusform>
            <numerusform>%n open cases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="519"/>
        <source>Dossiers ouverts :</source>
        <translation>Open cases:</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="522"/>
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="532"/>
        <source>échéance %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/citizen_box.py" line="536"/>
        <source>Aucun dossier ouvert.</source>
        <translation>No open cases.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="97"/>
        <source>Chargement des conflits…</source>
        <translation>Loading conflicts…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="101"/>
        <source>Conflits à régler</source>
        <translation>Conflicts to settle</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="104"/>
        <source>Un collègue a modifié les mêmes champs que vous. Pour chaque champ, gardez votre valeur ou celle du registre ; vos autres modifications seront envoyées de nouveau.</source>
        <translation>A colleague changed the same fields as you. For each field, keep your value or the one in the central store; your other changes will be sent again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="118"/>
        <source>Les conflits n&apos;ont pas pu être lus (%1).</source>
        <translation>The conflicts could not be read (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="137"/>
        <source>Aucun conflit à régler.</source>
        <translation>No conflicts to settle.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync/conflict_dialog.py" line="140"/>
        <source>%n conflit(s) à régler.</source>
        <translation>
            <numerusform>%n conflict to settle.</numerusform>
            <numerusform>%n conflicts to settle.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="154"/>
        <source>Dossier %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="156"/>
        <source>Citoyen sans nom</source>
        <translation>Unnamed citizen</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="165"/>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="224"/>
        <source>%1 : %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="171"/>
        <source>Envoyé de nouveau dans tous les cas : %1</source>
        <translation>Sent again in any case: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="202"/>
        <source>Garder &amp;votre valeur</source>
        <translation>Keep &amp;your value</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="205"/>
        <source>Garder la valeur du &amp;registre (modifiée par un collègue)</source>
        <translation>Keep the central &amp;store value (changed by a colleague)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="293"/>
        <source>Les conflits n&apos;ont pas tous pu être réglés (%1). Vos choix sont conservés : réessayez.</source>
        <translation>Not all conflicts could be settled (%1). Your choices are kept: try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="311"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="312"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="313"/>
        <source>Courriel</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="314"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="315"/>
        <source>Langue préférée</source>
        <translation>Preferred language</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="316"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="317"/>
        <source>N° civique</source>
        <translation>Civic no.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="318"/>
        <source>Rue</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="319"/>
        <source>Code postal</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="320"/>
        <source>Arrondissement</source>
        <translation>Borough</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="226"/>
        <location filename="../../app/ui/sync/conflict_dialog.py" line="326"/>
        <source>(vide)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>DownloadProgress</name>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="149"/>
        <source>Téléchargement : %1 / %2 changements (%3 Mo)</source>
        <translation>Downloading: %1 / %2 changes (%3 MB)</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="123"/>
        <source>Obligatoire : remplissez ce champ.</source>
        <translation>Required: fill in this field.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="124"/>
        <source>Choisissez le type de demande (tapez quelques lettres).</source>
        <translation>Choose the request type (type a few letters).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="127"/>
        <source>Choisissez le canal par lequel le citoyen s&apos;adresse à la Ville.</source>
        <translation>Choose the channel through which the citizen is contacting the City.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="130"/>
        <source>Ce type de demande exige les coordonnées du citoyen : choisissez-le ou saisissez-le.</source>
        <translation>This request type requires the citizen&apos;s contact information: choose the citizen or enter them.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="134"/>
        <source>Donnez un téléphone ou un courriel pour pouvoir joindre le citoyen.</source>
        <translation>Give a phone number or an e-mail so the citizen can be reached.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="137"/>
        <source>Numéro à 10 chiffres attendu, par exemple 514 555-0123.</source>
        <translation>A 10-digit number is expected, for example 514 555-0123.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="140"/>
        <source>Adresse courriel attendue, par exemple nom@exemple.ca.</source>
        <translation>An e-mail address is expected, for example name@example.ca.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="143"/>
        <source>Code postal canadien attendu, par exemple H2X 1Y4.</source>
        <translation>A Canadian postal code is expected, for example H2X 1Y4.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="146"/>
        <source>Numéro civique attendu, par exemple 1234, 1234A ou 1234-1236.</source>
        <translation>A civic number is expected, for example 1234, 1234A or 1234-1236.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="149"/>
        <source>Indiquez la rue où se trouve le problème.</source>
        <translation>Enter the street where the problem is.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="152"/>
        <source>Choisissez l&apos;arrondissement : ce service y est traité.</source>
        <translation>Choose the borough: this service is handled there.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="155"/>
        <source>%1 est une ville liée qui traite ce service elle-même : dirigez le citoyen vers %1 (%2).</source>
        <translation>%1 is a related city that handles this service itself: refer the citizen to %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="160"/>
        <source>Acheminement impossible : %1</source>
        <translation>Routing failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="161"/>
        <source>Décrivez ce que le citoyen signale.</source>
        <translation>Describe what the citizen is reporting.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="164"/>
        <source>Trop long : %1 caractères au plus.</source>
        <translation>Too long: %1 characters at most.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="165"/>
        <source>Texte attendu.</source>
        <translation>Text is expected.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="166"/>
        <source>Contient un caractère invalide : retirez-le.</source>
        <translation>Contains an invalid character: remove it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="169"/>
        <source>Nombre attendu, par exemple 3 ou 2,5.</source>
        <translation>A number is expected, for example 3 or 2.5.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="172"/>
        <source>Date attendue, sous la forme AAAA-MM-JJ HH:MM.</source>
        <translation>A date is expected, in the form YYYY-MM-DD HH:MM.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="175"/>
        <source>Choisissez une des valeurs proposées.</source>
        <translation>Choose one of the values offered.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="176"/>
        <source>Code de poste de 001 à 899, unique pour ce poste de travail.</source>
        <translation>Station code from 001 to 899, unique to this workstation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="179"/>
        <source>Votre nom d&apos;utilisateur : lettres, chiffres et . _ @ - seulement.</source>
        <translation>Your username: letters, digits and . _ @ - only.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="182"/>
        <source>Choisissez votre lieu de travail.</source>
        <translation>Choose your workplace.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="183"/>
        <source>Ce poste a épuisé ses numéros pour l&apos;année : changez de code.</source>
        <translation>This workstation has used up its numbers for the year: change the station code.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="186"/>
        <source>Ce dossier est fermé : réactivez-le d&apos;abord (avec la raison), ou demandez à un superviseur.</source>
        <translation>This case is closed: reopen it first (with the reason), or ask a supervisor.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="191"/>
        <source>Dites pourquoi le dossier est réactivé (ce que signale le citoyen).</source>
        <translation>Say why the case is reopened (what the citizen reports).</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="194"/>
        <source>Seul un dossier fermé peut être réactivé ; celui-ci est ouvert.</source>
        <translation>Only a closed case can be reopened; this one is open.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="197"/>
        <source>Le poste %1 doit d&apos;abord joindre le stockage central une fois, pour savoir où en est sa numérotation des dossiers : reconnectez-vous, puis enregistrez. Rien n&apos;a été effacé.</source>
        <translation>Station %1 must first reach the central store once, to learn where its case numbering stands: log in again, then save. Nothing was cleared.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="203"/>
        <source>Ce dossier n&apos;existe pas sur ce poste.</source>
        <translation>This case does not exist on this workstation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="206"/>
        <source>Ce citoyen n&apos;est plus au dossier : cherchez-le de nouveau.</source>
        <translation>This citizen is no longer on file: search for them again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="209"/>
        <source>Chiffre de contrôle erroné : un chiffre a sans doute été mal saisi. Relisez le numéro au citoyen.</source>
        <translation>Wrong check digit: a digit was probably mistyped. Read the number back to the citizen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="214"/>
        <source>Numéro de dossier attendu : 12 chiffres, par exemple 26-042-000137-5.</source>
        <translation>A case number is expected: 12 digits, for example 26-042-000137-5.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="217"/>
        <source>Choisissez le français ou l&apos;anglais.</source>
        <translation>Choose French or English.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="220"/>
        <source>Ce dossier est fermé : enregistrez plutôt une nouvelle demande.</source>
        <translation>This case is closed: save a new request instead.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="223"/>
        <source>Choisissez le résultat de l&apos;interaction.</source>
        <translation>Choose the outcome of the interaction.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="226"/>
        <source>Aucune interaction en cours.</source>
        <translation>No interaction in progress.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="228"/>
        <source>Trop long : %1 caractères, le stockage central en accepte %2 au plus.</source>
        <translation>Too long: %1 characters, the central store takes at most %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="231"/>
        <source>Le stockage central n&apos;a pas ce dossier : sa création ne lui est pas parvenue.</source>
        <translation>The central store does not have this case: its creation never reached it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="235"/>
        <source>Arrondissement inconnu du stockage central : « %1 ».</source>
        <translation>Arrondissement unknown to the central store: “%1”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="238"/>
        <source>Saisie il y a plus de 90 jours : le stockage central ne l&apos;accepte plus.</source>
        <translation>Entered more than 90 days ago: the central store no longer accepts it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="242"/>
        <source>Le stockage central a refusé ce qui ne se corrige pas ici : abandonnez cette modification.</source>
        <translation>The central store refused something that cannot be corrected here: drop this change.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="262"/>
        <source>le stockage local %1 est verrouillé par un autre programme : Relais est-il déjà ouvert sur ce dossier ? Fermez l&apos;autre, ou réessayez dans un instant</source>
        <translation>the local store %1 is locked by another program: is Relais already open on this folder? Close the other one, or try again in a moment</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="267"/>
        <source>le disque de %1 est plein : libérez de l&apos;espace, ou choisissez un autre dossier de données (--data-dir) ; rien de ce qui était enregistré n&apos;est perdu</source>
        <translation>the disk holding %1 is full: free some space, or choose another data folder (--data-dir); nothing already saved was lost</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="272"/>
        <source>Relais ne peut pas écrire dans %1 : le dossier est en lecture seule ou ne vous appartient pas. Donnez-vous le droit d&apos;écriture, ou choisissez un autre dossier de données (--data-dir)</source>
        <translation>Relais cannot write in %1: the folder is read-only or not yours. Give yourself write access, or choose another data folder (--data-dir)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="278"/>
        <source>le stockage local %1 est endommagé : redémarrez Relais, qui le mettra de côté, gardera le travail non transmis qu&apos;il peut lire et repartira d&apos;un stockage neuf</source>
        <translation>the local store %1 is damaged: restart Relais, which will set it aside, keep the unsent work it can read and start a new store</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="286"/>
        <source>la lecture ou l&apos;écriture de %1 a échoué : le disque est peut-être plein, retiré ou défaillant. Vérifiez-le, puis réessayez</source>
        <translation>reading or writing %1 failed: the disk may be full, removed or failing. Check it, then try again</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="297"/>
        <source>le fichier est vide</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="298"/>
        <source>ce n&apos;est pas un fichier de stockage SQLite</source>
        <translation>it is not an SQLite store file</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/formatting.py" line="301"/>
        <source>une page endommagée a été rencontrée pendant son utilisation</source>
        <translation>a damaged page was met while it was in use</translation>
    </message>
</context>
<context>
    <name>InteractionBar</name>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="137"/>
        <source>Canal de l&apos;interaction</source>
        <translation>Interaction channel</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="138"/>
        <source>Début d&apos;interaction (F2)</source>
        <translation>Start interaction (F2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="139"/>
        <source>Fin (F3)</source>
        <translation>End (F3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="200"/>
        <source>Interaction terminée et consignée.</source>
        <translation>Interaction ended and logged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="219"/>
        <source>Aucune interaction en cours</source>
        <translation>No interaction in progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="225"/>
        <source>Interaction en cours : %1 · %2</source>
        <translation>Interaction in progress: %1 · %2</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="134"/>
        <source>Connexion au registre central</source>
        <translation>Log in to the central store</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="135"/>
        <source>Serveur</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="136"/>
        <source>&amp;Utilisateur</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="137"/>
        <source>&amp;Mot de passe</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="138"/>
        <source>Se &amp;connecter</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="139"/>
        <source>Continuer &amp;hors ligne</source>
        <translation>Continue &amp;offline</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="140"/>
        <source>Connexion…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="144"/>
        <source>La session reste ouverte sur ce poste jusqu&apos;à la fin du quart (trousseau du système) ; le mot de passe n&apos;est jamais enregistré.</source>
        <translation>The session stays open on this workstation until the end of the shift (system keyring); the password is never saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="150"/>
        <source>Aucun trousseau système : il faudra se reconnecter à chaque démarrage.</source>
        <translation>No system keyring: you will have to log in again every time Relais starts.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="163"/>
        <source>Votre session a expiré : reconnectez-vous. Le travail en attente est conservé.</source>
        <translation>Your session has expired: log in again. Work waiting to be sent is kept.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="176"/>
        <source>Saisissez votre nom d&apos;utilisateur.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="180"/>
        <source>Saisissez votre mot de passe.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="199"/>
        <source>Nom d&apos;utilisateur ou mot de passe incorrect.</source>
        <translation>Incorrect username or password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="210"/>
        <source>Le registre central ne répond pas : vous pouvez continuer à travailler hors ligne ; la connexion sera retentée.</source>
        <translation>The central store is not responding: you can keep working offline; the connection will be retried.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="224"/>
        <source>Le registre central est surchargé ou en maintenance : réessayez dans un moment.</source>
        <translation>The central store is overloaded or under maintenance: try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="232"/>
        <location filename="../../app/ui/sync/login_dialog.py" line="278"/>
        <source>La connexion a échoué : %1</source>
        <translation>Login failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/login_dialog.py" line="273"/>
        <source>Le code de poste %1 appartient à un autre poste : changez-le dans Fichier &gt; Poste de travail.</source>
        <translation>Station code %1 belongs to another workstation: change it in File &gt; Workstation.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="161"/>
        <source>Aller à la recherche d&apos;information</source>
        <translation>Go to the information search</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162"/>
        <location filename="../../app/ui/main_window.py" line="197"/>
        <source>Nouvelle demande</source>
        <translation>New request</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163"/>
        <source>Chercher un dossier</source>
        <translation>Find a case</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>Créer une demande pour le service de l&apos;article ouvert</source>
        <translation>Create a request for the open article&apos;s service</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="165"/>
        <source>Début d&apos;interaction (appel, visite, courriel, lettre)</source>
        <translation>Start an interaction (call, visit, e-mail, letter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="166"/>
        <source>Fin de l&apos;interaction, avec son résultat</source>
        <translation>End the interaction, with its outcome</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>Revenir de l&apos;article à la recherche</source>
        <translation>Back from the article to the search</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>Alt+lettre soulignée</source>
        <translation>Alt+underlined letter</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>Aller au champ ou au bouton</source>
        <translation>Go to the field or the button</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177"/>
        <source>Tab, Maj+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177"/>
        <source>Champ suivant, champ précédent</source>
        <translation>Next field, previous field</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178"/>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>↑ ↓ puis Entrée</source>
        <translation>↑ ↓ then Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178"/>
        <source>Choisir et ouvrir un article</source>
        <translation>Choose and open an article</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="181"/>
        <source>↓ puis Entrée</source>
        <translation>↓ then Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>Choisir le citoyen trouvé (Entrée seule : nouveau citoyen)</source>
        <translation>Pick the citizen found (Enter alone: a new citizen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="184"/>
        <source>Entrée</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="184"/>
        <source>Choisir le type de demande proposé</source>
        <translation>Take the type of request proposed</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>Ouvrir le dossier trouvé</source>
        <translation>Open the case found</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187"/>
        <source>Fin de l&apos;interaction</source>
        <translation>End of interaction</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="188"/>
        <source>1, 2, 3, 4</source>
        <translation>1, 2, 3, 4</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="189"/>
        <source>Choisir le résultat de l&apos;interaction</source>
        <translation>Choose the interaction&apos;s outcome</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="195"/>
        <source>Partout</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="196"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="198"/>
        <source>Dossiers</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="205"/>
        <source>Référence copiée dans le presse-papiers</source>
        <translation>Referral copied to the clipboard</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="288"/>
        <source>Relais — Console 311</source>
        <translation>Relais — 311 console</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="289"/>
        <source>P&amp;aramètres…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="290"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="291"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="292"/>
        <source>&amp;Poste de travail…</source>
        <translation>&amp;Workstation…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="293"/>
        <source>Se &amp;connecter au registre central…</source>
        <translation>&amp;Log in to the central store…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="294"/>
        <source>Se &amp;déconnecter</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="296"/>
        <source>Se déconnecter et &amp;effacer les données des citoyens de ce poste</source>
        <translation>Log out and &amp;erase citizen data from this workstation</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="298"/>
        <source>Information (Ctrl+K)</source>
        <translation>Information (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="299"/>
        <source>Nouvelle demande (Ctrl+N)</source>
        <translation>New request (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="300"/>
        <source>Dossiers (Ctrl+D)</source>
        <translation>Cases (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="301"/>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="302"/>
        <source>Aller à la recherche	Ctrl+K</source>
        <translation>Go to search	Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="303"/>
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="304"/>
        <source>&amp;Indicateurs de service…</source>
        <translation>Service &amp;indicators…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="305"/>
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="306"/>
        <source>&amp;Raccourcis clavier…</source>
        <translation>&amp;Keyboard shortcuts…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="307"/>
        <source>À &amp;propos de Relais</source>
        <translation>&amp;About Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="308"/>
        <source>&amp;Synchronisation…</source>
        <translation>Sy&amp;nc status…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="312"/>
        <source>⚠ Contenu intégré non chargé (détails au survol)</source>
        <translation>⚠ Bundled content not loaded (hover for details)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="356"/>
        <source>La traduction anglaise est introuvable ; l&apos;interface reste en français.</source>
        <translation>The English translation cannot be found; the interface stays in French.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="466"/>
        <source>Déconnecté. %n fiche(s) de citoyen effacée(s) de ce poste.</source>
        <translation>
            <numerusform>Logged out. %n citizen record erased from this workstation.</numerusform>
            <numerusform>Logged out. %n citizen records erased from this workstation.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="468"/>
        <source>Déconnecté. Le travail en attente est conservé.</source>
        <translation>Logged out. Work waiting to be sent is kept.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="478"/>
        <source>Demande %1 enregistrée sur ce poste.</source>
        <translation>Request %1 saved on this workstation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="487"/>
        <source>Brouillon de demande repris : onglet Nouvelle demande (Ctrl+N).</source>
        <translation>Request draft restored: New request tab (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="518"/>
        <source>Poste %1 · %2</source>
        <translation>Station %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="545"/>
        <source>Le registre central %1 sera utilisé au prochain démarrage de Relais.</source>
        <translation>The central store %1 will be used from the next start of Relais.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="549"/>
        <source>Au prochain démarrage, Relais travaillera en local seulement.</source>
        <translation>From the next start, Relais will work locally only.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="552"/>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="579"/>
        <source>%n fiche(s) de citoyen inutilisée(s) depuis la période de conservation effacée(s) de ce poste.</source>
        <translation>
            <numerusform>%n citizen record unused for the retention period erased from this workstation.</numerusform>
            <numerusform>%n citizen records unused for the retention period erased from this workstation.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="594"/>
        <source>Cet article n&apos;existe plus.</source>
        <translation>This article no longer exists.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="601"/>
        <source>Banque d&apos;information indisponible</source>
        <translation>Knowledge base unavailable</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="604"/>
        <source>Le stockage local %1 a été écrit par une version plus récente de Relais. Il n&apos;a pas été modifié : installez la version récente de Relais, ou lancez Relais avec un autre dossier de données (--data-dir).</source>
        <translation>The local store %1 was written by a newer version of Relais. It was left untouched: install the newer Relais, or start Relais with another data folder (--data-dir).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="609"/>
        <source>Le stockage local ne peut pas être ouvert : %1.</source>
        <translation>The local store cannot be opened: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="617"/>
        <source>Le stockage local de ce poste était inutilisable (%1). Il a été mis de côté, sans être modifié, sous :
%2

%3 opération(s) non transmise(s) ont été récupérées et seront envoyées au stockage central ; Relais repart d&apos;un stockage neuf, et les dossiers reviennent du stockage central à la synchronisation. Les numéros de dossier déjà donnés ne seront pas redonnés.</source>
        <translation>This workstation&apos;s local store was unusable (%1). It was set aside, unchanged, as:
%2

%3 unsent operation(s) were recovered and will be sent to the central store; Relais starts with a new store, and the cases come back from the central store at the next sync. Case numbers already given will not be given again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="630"/>
        <source>%1 élément(s) illisible(s) sont restés dans la copie mise de côté.</source>
        <translation>%1 unreadable item(s) stayed in the copy set aside.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="637"/>
        <source>Relais</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="645"/>
        <source>Recherche : %1 ms</source>
        <translation>Search: %1 ms</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="650"/>
        <source>Ouverture de la banque d&apos;information…</source>
        <translation>Opening the knowledge base…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="653"/>
        <source>%n article(s) · stockage local</source>
        <translation>
            <numerusform>%n article · local store</numerusform>
            <numerusform>%n articles · local store</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="660"/>
        <source>À propos de Relais</source>
        <translation>About Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="661"/>
        <source>Relais %1 — console des agents 311 et des Bureaux Accès Montréal.</source>
        <translation>Relais %1 — console of the 311 agents and the Bureaux Accès Montréal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="686"/>
        <location filename="../../app/ui/main_window.py" line="723"/>
        <source>Quitter Relais</source>
        <translation>Quit Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="687"/>
        <source>Une demande est en cours de saisie et n&apos;est pas enregistrée.</source>
        <translation>A request is being typed and is not saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="690"/>
        <source>Si vous quittez, elle est gardée comme brouillon sur ce poste et reprise dans le formulaire au prochain démarrage.</source>
        <translation>If you quit, it is kept as a draft on this workstation and restored in the form at the next start.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="695"/>
        <source>&amp;Quitter quand même</source>
        <translation>&amp;Quit anyway</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="698"/>
        <location filename="../../app/ui/main_window.py" line="736"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="725"/>
        <source>Le brouillon n&apos;a pas pu être enregistré sur ce poste (%1).</source>
        <translation>The draft could not be saved on this workstation (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="730"/>
        <source>Si vous quittez maintenant, ce qui est saisi dans le formulaire sera perdu.</source>
        <translation>If you quit now, what is typed in the form will be lost.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="733"/>
        <source>Quitter et &amp;perdre la saisie</source>
        <translation>Quit and &amp;lose what was typed</translation>
    </message>
</context>
<context>
    <name>NoteCorrection</name>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="294"/>
        <source>Corriger la note refusée</source>
        <translation>Correct the refused note</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="298"/>
        <source>Le stockage central a refusé cette note :</source>
        <translation>The central store refused this note:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="303"/>
        <source>Texte de la note</source>
        <translation>Text of the note</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="312"/>
        <source>Renvoyer (Ctrl+Entrée)</source>
        <translation>Send again (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message numerus="yes">
        <location filename="../../app/ui/sync/sync_status.py" line="179"/>
        <source>Registre central injoignable : votre travail est conservé sur ce poste et sera transmis dès le retour de la connexion (%n opération(s) en attente).</source>
        <translation>
            <numerusform>Central store unreachable: your work is kept on this workstation and will be sent as soon as the connection is back (%n operation waiting).</numerusform>
            <numerusform>Central store unreachable: your work is kept on this workstation and will be sent as soon as the connection is back (%n operations waiting).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="190"/>
        <source>Session expirée : reconnectez-vous (Fichier &gt; Se connecter). Le travail en attente est conservé.</source>
        <translation>Session expired: log in again (File &gt; Log in). Work waiting to be sent is kept.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="198"/>
        <source>Non connecté au registre central : connectez-vous (Fichier &gt; Se connecter). Le travail est conservé sur ce poste en attendant.</source>
        <translation>Not logged in to the central store: log in (File &gt; Log in). Work is kept on this workstation meanwhile.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="36"/>
        <source>Fin de l&apos;interaction</source>
        <translation>End of interaction</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="38"/>
        <source>1  Information donnée</source>
        <translation>1  Information given</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="39"/>
        <source>2  Référence vers un autre service</source>
        <translation>2  Referral to another service</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="40"/>
        <source>3  Demande créée</source>
        <translation>3  Request created</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="41"/>
        <source>4  Transfert</source>
        <translation>4  Transfer</translation>
    </message>
    <message>
        <location filename="../../app/ui/interaction_bar.py" line="57"/>
        <source>Résultat de l&apos;interaction :</source>
        <translation>Outcome of the interaction:</translation>
    </message>
</context>
<context>
    <name>RefusalBanner</name>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="155"/>
        <location filename="../../app/ui/cases/refusal_banner.py" line="166"/>
        <location filename="../../app/ui/cases/refusal_banner.py" line="239"/>
        <source>Refusé par le stockage central</source>
        <translation>Refused by the central store</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="170"/>
        <source>Le stockage central n&apos;a aucune copie de ce dossier</source>
        <translation>The central store has no copy of this case</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="208"/>
        <source>%1, refusée le %2</source>
        <translation>%1, refused on %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="213"/>
        <source>• Le stockage central n&apos;a pas donné de raison.</source>
        <translation>• The central store gave no reason.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="221"/>
        <source>Ne se corrige pas depuis ce dossier (%1) : seul l&apos;abandon de la modification est possible.</source>
        <translation>Cannot be corrected from this case (%1): the change can only be dropped.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/cases/refusal_banner.py" line="231"/>
        <source>%n autre(s) modification(s) de ce dossier attend(ent) sa création : renvoyée(s) en même temps.</source>
        <translation>
            <numerusform>%n other change to this case waits for its creation: sent again with it.</numerusform>
            <numerusform>%n other changes to this case wait for its creation: sent again with it.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="245"/>
        <source>Corriger et renvoyer (Ctrl+E)</source>
        <translation>Correct and send again (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="249"/>
        <source>Abandonner la modification…</source>
        <translation>Drop the change…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="251"/>
        <source>Abandonner la création…</source>
        <translation>Drop the creation…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="262"/>
        <source>Sa création a été abandonnée et le stockage central ne l&apos;a jamais reçue. Ce dossier n&apos;existe que sur ce poste ; retirez-le quand vous voulez.</source>
        <translation>Its creation was dropped and the central store never received it. This case exists only on this workstation; remove it whenever you want.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="269"/>
        <source>Retirer ce dossier du poste…</source>
        <translation>Remove this case from the workstation…</translation>
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
        <translation>Civic no.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="43"/>
        <source>Rue</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="44"/>
        <source>Code postal</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="45"/>
        <source>Arrondissement</source>
        <translation>Borough</translation>
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
        <translation>Request type</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="48"/>
        <source>Citoyen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="49"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="50"/>
        <source>Date de saisie</source>
        <translation>Date entered</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="51"/>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="52"/>
        <source>Numéro de dossier</source>
        <translation>Case number</translation>
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
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="55"/>
        <location filename="../../app/ui/cases/refusal_banner.py" line="56"/>
        <source>Coordonnées</source>
        <translation>Coordinates</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="57"/>
        <source>Dossier d&apos;origine</source>
        <translation>Original case</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="58"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="59"/>
        <source>Version du dossier</source>
        <translation>Version of the case</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="71"/>
        <source>« %1 » (message du stockage central)</source>
        <translation>“%1” (message from the central store)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="79"/>
        <source>%1 : %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="88"/>
        <source>Création de la demande</source>
        <translation>Creation of the request</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="89"/>
        <source>Modification du dossier</source>
        <translation>Change to the case</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="91"/>
        <source>Ajout d&apos;un citoyen au dossier</source>
        <translation>Citizen added to the case</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="94"/>
        <source>Lien de doublon</source>
        <translation>Duplicate link</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/refusal_banner.py" line="95"/>
        <source>Fiche du citoyen</source>
        <translation>Citizen&apos;s details</translation>
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
        <translation>Reopen case %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/reopen_dialog.py" line="34"/>
        <source>Le dossier %1 (%2) est fermé. Le citoyen dit que ce n&apos;est pas réglé : le dossier redeviendra « Réactivée » et retournera à l&apos;unité responsable.</source>
        <translation>Case %1 (%2) is closed. The citizen says it is not fixed: the case will become “Reopened” and go back to the responsible unit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/reopen_dialog.py" line="40"/>
        <source>&amp;Raison (ce que signale le citoyen) :</source>
        <translation>&amp;Reason (what the citizen reports):</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/reopen_dialog.py" line="54"/>
        <source>Réactiver</source>
        <translation>Reopen</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="446"/>
        <source>La demande commencée n&apos;est pas enregistrée : elle reste dans le formulaire, avec son citoyen.</source>
        <translation>The request begun is not saved: it stays in the form, with its citizen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="551"/>
        <source>Le brouillon n&apos;a pas pu être gardé sur ce poste (%1). Le formulaire garde ce qui est saisi, mais un arrêt de Relais le perdrait : enregistrez la demande dès que possible.</source>
        <translation>The draft could not be kept on this workstation (%1). The form keeps what is typed, but it would be lost if Relais stopped: save the request as soon as you can.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="575"/>
        <source>Le brouillon gardé n&apos;a pas pu être relu (%1).</source>
        <translation>The kept draft could not be read back (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="595"/>
        <source>Brouillon repris du %1 : vérifiez-le avec le citoyen avant d&apos;enregistrer.</source>
        <translation>Draft restored from %1: check it with the citizen before saving.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="625"/>
        <source>Nouvelle demande</source>
        <translation>New request</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="627"/>
        <source>Type de demande *</source>
        <translation>Request type *</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="629"/>
        <source>Tapez quelques lettres : nid-de-poule, lampadaire, bruit…</source>
        <translation>Type a few letters: pothole, streetlight, noise…</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="631"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="633"/>
        <source>N° &amp;civique</source>
        <translation>C&amp;ivic no.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="634"/>
        <source>&amp;Rue</source>
        <translation>&amp;Street</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="635"/>
        <source>Code p&amp;ostal</source>
        <translation>P&amp;ostal code</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="636"/>
        <source>Arron&amp;dissement</source>
        <translation>&amp;Borough</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="640"/>
        <source>ex. boul. Saint-Laurent</source>
        <translation>e.g. boul. Saint-Laurent</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="643"/>
        <source>tapez quelques lettres : plateau, verdun…</source>
        <translation>type a few letters: plateau, verdun…</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="644"/>
        <source>H2X 1Y4</source>
        <translation>H2X 1Y4</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="645"/>
        <source>Détails</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="626"/>
        <source>Cana&amp;l</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="646"/>
        <source>De&amp;scription</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="648"/>
        <source>Ce que le citoyen signale, dans ses mots. Les articles utiles s&apos;affichent.</source>
        <translation>What the citizen is reporting, in their own words. Useful articles appear.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="924"/>
        <source>Demande enregistrée. Numéro de dossier :</source>
        <translation>Request saved. Case number:</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="652"/>
        <source>Enregistrer la demande</source>
        <translation>Save the request</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="654"/>
        <source>Ouvrir un des articles suggérés</source>
        <translation>Open one of the suggested articles</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="674"/>
        <source> (ville liée)</source>
        <translation> (related city)</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="688"/>
        <source>adresse requise</source>
        <translation>address required</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="688"/>
        <source>sans adresse</source>
        <translation>no address</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="718"/>
        <source>Ouverture du stockage local…</source>
        <translation>Opening the local store…</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="723"/>
        <source>Choisissez le type de demande pour voir où elle ira.</source>
        <translation>Choose the request type to see where it will go.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="736"/>
        <source>Unité responsable : &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Responsible unit: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="740"/>
        <source>Hors des heures de bureau : prise en charge maintenant par &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Outside office hours: handled now by &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="744"/>
        <source>Prise en charge maintenant par l&apos;unité responsable.</source>
        <translation>Handled now by the responsible unit.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/request_form.py" line="747"/>
        <source>%n jour(s) ouvrable(s)</source>
        <translation>
            <numerusform>%n business day</numerusform>
            <numerusform>%n business days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/request_form.py" line="748"/>
        <source>%n heure(s) ouvrable(s)</source>
        <translation>
            <numerusform>%n business hour</numerusform>
            <numerusform>%n business hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/request_form.py" line="749"/>
        <source>%n heure(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="752"/>
        <source>Échéance : &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>Due: &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="785"/>
        <source>Souvent, un article répond à la question sans ouvrir de demande.</source>
        <translation>Often, an article answers the question without opening a request.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="790"/>
        <source>Les articles de la banque d&apos;information liés à la description s&apos;afficheront ici.</source>
        <translation>Knowledge base articles related to the description will appear here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="825"/>
        <source> — EN RETARD</source>
        <translation> — OVERDUE</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="845"/>
        <source>Configurez d&apos;abord le poste (Fichier &gt; Poste).</source>
        <translation>Set up the workstation first (File &gt; Workstation).</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="872"/>
        <source>Un dossier semblable est ouvert : joignez-y le citoyen, ou enregistrez quand même.</source>
        <translation>A similar case is open: attach the citizen to it, or save anyway.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="909"/>
        <source>Citoyen joint au dossier %1.</source>
        <translation>Citizen attached to case %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="922"/>
        <source>Citoyen joint au dossier existant. Numéro de dossier :</source>
        <translation>Citizen attached to the existing case. Case number:</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="936"/>
        <source>Ce qui a été modifié pendant l&apos;enregistrement est resté dans le formulaire.</source>
        <translation>What was changed while saving is still in the form.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="980"/>
        <source>Numéro de dossier copié</source>
        <translation>Case number copied</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/request/request_form.py" line="999"/>
        <source>%n champ(s) à corriger : rien n&apos;a été effacé.</source>
        <translation>
            <numerusform>%n field to correct: nothing was cleared.</numerusform>
            <numerusform>%n fields to correct: nothing was cleared.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_form.py" line="1031"/>
        <source>La demande n&apos;a pas pu être enregistrée (%1). Rien n&apos;a été effacé ; réessayez avec Ctrl+Entrée.</source>
        <translation>The request could not be saved (%1). Nothing was cleared; try again with Ctrl+Enter.</translation>
    </message>
</context>
<context>
    <name>RequestSide</name>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="190"/>
        <source>Acheminement et échéance</source>
        <translation>Routing and due date</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="191"/>
        <source>Demande enregistrée. Numéro de dossier :</source>
        <translation>Request saved. Case number:</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="194"/>
        <source>Lisez ce numéro au citoyen. La demande est conservée sur ce poste et transmise au registre central dès que possible.</source>
        <translation>Read this number to the citizen. The request is kept on this workstation and sent to the central store as soon as possible.</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="198"/>
        <source>Copier le numéro</source>
        <translation>Copy the number</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="199"/>
        <source>Voir le dossier</source>
        <translation>View the case</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="201"/>
        <source>Dossiers ouverts pour ce service à la même adresse :</source>
        <translation>Open cases for this service at the same address:</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="203"/>
        <source>&amp;Joindre le citoyen à ce dossier</source>
        <translation>A&amp;ttach the citizen to this case</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="204"/>
        <source>Enregistrer &amp;quand même</source>
        <translation>Save an&amp;yway</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="205"/>
        <source>Articles suggérés</source>
        <translation>Suggested articles</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="206"/>
        <source>Enregistrer (Ctrl+Entrée)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/request/request_side.py" line="207"/>
        <source>Vider le formulaire</source>
        <translation>Clear the form</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="102"/>
        <source>Rechercher dans la banque d&apos;information (Ctrl+K)…</source>
        <translation>Search the knowledge base (Ctrl+K)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="103"/>
        <source>Recherche</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="104"/>
        <source>Résultats</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="129"/>
        <source>Recherche impossible : %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="141"/>
        <source>Tapez quelques mots : les résultats suivent la frappe.</source>
        <translation>Type a few words: results follow as you type.</translation>
    </message>
    <message>
        <location filename="../../app/ui/search/search_panel.py" line="145"/>
        <source>Aucun article ne correspond. Essayez d&apos;autres mots.</source>
        <translation>No article matches. Try other words.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/search/search_panel.py" line="147"/>
        <source>%n article(s) contenant une partie des mots</source>
        <translation>
            <numerusform>%n article containing some of the words</numerusform>
            <numerusform>%n articles containing some of the words</numerusform>
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
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="114"/>
        <source>Adresse du &amp;registre central</source>
        <translation>Central store &amp;address</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="115"/>
        <source>Code de &amp;poste</source>
        <translation>Station &amp;code</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="116"/>
        <source>&amp;Canal par défaut</source>
        <translation>Default c&amp;hannel</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="117"/>
        <source>&amp;Langue de l&apos;interface</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="118"/>
        <source>Con&amp;servation des données des citoyens (jours)</source>
        <translation>Citizen data &amp;retention (days)</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="119"/>
        <source>&amp;Taille du texte (points)</source>
        <translation>Text &amp;size (points)</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="123"/>
        <source>vide : ce poste travaille en local seulement</source>
        <translation>empty: this workstation works locally only</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="124"/>
        <source>vide : la taille du système</source>
        <translation>empty: the system&apos;s size</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="125"/>
        <source>Selon le lieu de travail</source>
        <translation>Per the workplace</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="128"/>
        <source>Langue du système</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="135"/>
        <source>Adresse attendue : https:// suivi du nom du serveur, par exemple https://relais.montreal.ca ; vide pour travailler en local.</source>
        <translation>Expected an address: https:// followed by the server&apos;s name, for example https://relais.montreal.ca; empty to work locally.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="139"/>
        <source>Utilisez https:// (http:// seulement pour un serveur sur cet ordinateur, localhost).</source>
        <translation>Use https:// (http:// only for a server on this computer, localhost).</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="143"/>
        <source>Retirez le nom d&apos;utilisateur et le mot de passe de l&apos;adresse (la partie avant @) : ils sont demandés à la connexion.</source>
        <translation>Remove the user name and password from the address (the part before @): they are asked for at login.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="146"/>
        <source>Choisissez un des canaux proposés.</source>
        <translation>Choose one of the channels offered.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="148"/>
        <source>Choisissez la langue du système, le français ou l&apos;anglais.</source>
        <translation>Choose the system language, French or English.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="150"/>
        <source>Nombre entier de jours, de 1 à 365, par exemple 30.</source>
        <translation>A whole number of days, from 1 to 365, for example 30.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/settings_dialog.py" line="151"/>
        <source>Taille en points, de 8 à 28, ou vide pour la taille du système.</source>
        <translation>A size in points, from 8 to 28, or empty for the system&apos;s size.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/ui/shortcuts_dialog.py" line="109"/>
        <location filename="../../app/ui/shortcuts_dialog.py" line="117"/>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../app/ui/shortcuts_dialog.py" line="114"/>
        <source>Touches</source>
        <translation>Keys</translation>
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
        <translation>Service indicators</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="281"/>
        <source>&amp;Période :</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="283"/>
        <source>Aujourd&apos;hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="284"/>
        <source>7 derniers jours</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="285"/>
        <source>30 derniers jours</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="289"/>
        <source>&amp;Actualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="290"/>
        <source>&amp;Exporter en CSV…</source>
        <translation>&amp;Export to CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="291"/>
        <source>Appels répondus en moins de 100 s</source>
        <translation>Calls answered in under 100 s</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="292"/>
        <source>Courriels répondus en moins de 48 h</source>
        <translation>E-mails answered in under 48 h</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="293"/>
        <source>Courriels en attente depuis plus de 48 h</source>
        <translation>E-mails waiting for more than 48 h</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="294"/>
        <source>Requêtes ouvertes en retard</source>
        <translation>Open requests past due</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="296"/>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="478"/>
        <source>Aucune interaction sur cette période.</source>
        <translation>No interactions in this period.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="298"/>
        <source>Interactions par heure</source>
        <translation>Interactions by hour</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="299"/>
        <source>Durée de traitement</source>
        <translation>Handling time</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="300"/>
        <source>Requêtes par service</source>
        <translation>Requests by service</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="301"/>
        <source>Plaintes</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="302"/>
        <source>Requêtes en retard</source>
        <translation>Overdue requests</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="147"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="152"/>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="155"/>
        <source>Durée moyenne</source>
        <translation>Average time</translation>
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
        <translation>Borough</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="170"/>
        <source>Requêtes</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="175"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="176"/>
        <source>Ouvertes</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="178"/>
        <source>&lt; 2 jours</source>
        <translation>&lt; 2 days</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="184"/>
        <source>2 à 7 jours</source>
        <translation>2 to 7 days</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="190"/>
        <source>7 à 30 jours</source>
        <translation>7 to 30 days</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="196"/>
        <source>&gt; 30 jours</source>
        <translation>&gt; 30 days</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="202"/>
        <source>Plus ancienne (jours)</source>
        <translation>Oldest (days)</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="212"/>
        <source>N° de cas</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="221"/>
        <source>Unité responsable</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="226"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="231"/>
        <source>Échéance</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="236"/>
        <source>Jours de retard</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="398"/>
        <source>Mise à jour…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="399"/>
        <source>Serveur injoignable : données du %1.</source>
        <translation>Server unreachable: figures from %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="401"/>
        <source>Serveur injoignable et aucune donnée gardée sur ce poste.</source>
        <translation>Server unreachable and no figures kept on this workstation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="402"/>
        <source>Réservé aux superviseurs et aux administrateurs.</source>
        <translation>For supervisors and administrators only.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="403"/>
        <source>Session terminée : reconnectez-vous (menu Fichier).</source>
        <translation>Session ended: log in again (File menu).</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="404"/>
        <source>Le serveur a refusé la demande ; données du %1.</source>
        <translation>The server refused the request; figures from %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="408"/>
        <source>Aucun serveur configuré : les indicateurs viennent du serveur central.</source>
        <translation>No server configured: the indicators come from the central store.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="412"/>
        <source>Données du %1.</source>
        <translation>Figures from %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="434"/>
        <source>%1 sur %2 appels dont l&apos;heure d&apos;arrivée est connue ; cible 80 %</source>
        <translation>%1 of %2 calls whose arrival time is known; target 80 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="441"/>
        <source>%1 sur %2 courriels ; cible : tous en 48 h</source>
        <translation>%1 of %2 e-mails; target: all within 48 h</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="449"/>
        <source>Le plus ancien attend depuis %1 h</source>
        <translation>The oldest has waited %1 h</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="456"/>
        <source>Échéance annoncée dépassée, toutes périodes</source>
        <translation>Announced due date passed, any period</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="465"/>
        <source>%n requête(s) en retard.</source>
        <translation>
            <numerusform>%n overdue request.</numerusform>
            <numerusform>%n overdue requests.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="467"/>
        <source>Les %n plus ancienne(s) ci-dessous.</source>
        <translation>
            <numerusform>The oldest one below.</numerusform>
            <numerusform>The %n oldest below.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="474"/>
        <source>Aucun chiffre à afficher pour l&apos;instant.</source>
        <translation>No figures to show yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="479"/>
        <source>Aucune requête créée sur cette période.</source>
        <translation>No request created in this period.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="480"/>
        <source>Aucune plainte ouverte.</source>
        <translation>No open complaint.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="481"/>
        <source>Aucune requête en retard.</source>
        <translation>No overdue request.</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="514"/>
        <source>Exporter les requêtes en retard</source>
        <translation>Export the overdue requests</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="514"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="522"/>
        <source>&amp;Voir dans :</source>
        <translation>Look &amp;in:</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="523"/>
        <source>&amp;Nom du fichier :</source>
        <translation>File &amp;name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="524"/>
        <source>&amp;Type de fichier :</source>
        <translation>Files of &amp;type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="525"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="526"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="550"/>
        <source>Export impossible : %1. Choisissez un autre dossier.</source>
        <translation>Export failed: %1. Choose another folder.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/supervisor/supervisor_view.py" line="556"/>
        <source>%n ligne(s) exportée(s) dans %1.</source>
        <translation>
            <numerusform>%n row exported to %1.</numerusform>
            <numerusform>%n rows exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="220"/>
        <source>Synchronisation</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="230"/>
        <source>Opération</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="233"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="234"/>
        <source>Détail</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="231"/>
        <source>Dossier ou citoyen</source>
        <translation>Case or citizen</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="232"/>
        <source>Enregistrée le</source>
        <translation>Saved on</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="256"/>
        <source>&amp;Ouvrir le dossier</source>
        <translation>&amp;Open the case</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="261"/>
        <source>&amp;Synchroniser maintenant</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="264"/>
        <source>&amp;Régler les conflits…</source>
        <translation>Settle the &amp;conflicts…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="284"/>
        <source>État : %1</source>
        <translation>Status: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync/sync_status.py" line="285"/>
        <source>%n opération(s) en attente d&apos;envoi.</source>
        <translation>
            <numerusform>%n operation waiting to be sent.</numerusform>
            <numerusform>%n operations waiting to be sent.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="289"/>
        <source>Dernière synchronisation réussie : %1</source>
        <translation>Last successful sync: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="295"/>
        <source>Dernière erreur : %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="308"/>
        <source>En attente</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="309"/>
        <source>Refusée par le registre</source>
        <translation>Rejected by the central store</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="310"/>
        <source>Conflit à régler</source>
        <translation>Conflict to settle</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="338"/>
        <source>Citoyen sans nom</source>
        <translation>Unnamed citizen</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="349"/>
        <source>Champs modifiés par un collègue : %1</source>
        <translation>Fields changed by a colleague: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="356"/>
        <source>Le registre central n&apos;a pas ce dossier.</source>
        <translation>The central store does not have this case.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="357"/>
        <source>Votre rôle ne permet pas cette modification.</source>
        <translation>Your role does not allow this change.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message numerus="yes">
        <location filename="../../app/ui/sync/sync_status.py" line="115"/>
        <source>%n en attente</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync/sync_status.py" line="117"/>
        <source>%n à régler</source>
        <translation>
            <numerusform>%n to settle</numerusform>
            <numerusform>%n to settle</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="120"/>
        <source>synchronisé à %1</source>
        <translation>synced at %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="124"/>
        <source>Cliquez pour voir les opérations (Ctrl+Maj+S)</source>
        <translation>Click to see the operations (Ctrl+Shift+S)</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="48"/>
        <source>stockage local : %1</source>
        <translation>local store: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="52"/>
        <source>le registre central ne répond pas (réseau coupé ou serveur arrêté) ; le travail reste sur ce poste et la synchronisation reprendra seule</source>
        <translation>the central store does not answer (network down or server stopped); the work stays on this workstation and the sync will resume by itself</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="58"/>
        <source>la session a expiré ou a été révoquée : reconnectez-vous</source>
        <translation>the session expired or was revoked: log in again</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="60"/>
        <source>le registre central est surchargé ou en maintenance ; nouvel essai automatique</source>
        <translation>the central store is overloaded or under maintenance; it will be tried again automatically</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="67"/>
        <source>le registre central a refusé : %1</source>
        <translation>the central store refused: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="70"/>
        <source>le registre central a refusé la demande (code %1)</source>
        <translation>the central store refused the request (code %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="74"/>
        <source>la communication avec le registre central a échoué ; nouvel essai automatique</source>
        <translation>talking to the central store failed; it will be tried again automatically</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="78"/>
        <source>erreur interne de Relais, notée dans son journal ; nouvel essai automatique</source>
        <translation>an internal error of Relais, written to its log; it will be tried again automatically</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="86"/>
        <source>En ligne</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="87"/>
        <source>Synchronisation…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="88"/>
        <source>Hors ligne</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="89"/>
        <source>Erreur de synchronisation</source>
        <translation>Sync error</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="90"/>
        <source>Session expirée : se reconnecter</source>
        <translation>Session expired: log in again</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_status.py" line="93"/>
        <source>Non connecté</source>
        <translation>Not logged in</translation>
    </message>
</context>
<context>
    <name>WorkstationDialog</name>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="90"/>
        <source>Poste de travail</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="93"/>
        <source>Ce poste a besoin d&apos;un code de poste (001 à 899) fourni par le responsable du déploiement : il fait partie de chaque numéro de dossier créé ici, ce qui les rend uniques même hors ligne.</source>
        <translation>This workstation needs a station code (001 to 899) provided by the deployment lead: it is part of every case number created here, which makes them unique even offline.</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="98"/>
        <source>Code de &amp;poste</source>
        <translation>Station &amp;code</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="99"/>
        <source>&amp;Utilisateur</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="100"/>
        <source>&amp;Lieu de travail</source>
        <translation>&amp;Workplace</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="101"/>
        <source>Centre 311 (téléphone)</source>
        <translation>311 centre (phone)</translation>
    </message>
    <message>
        <location filename="../../app/ui/station/workstation_dialog.py" line="102"/>
        <source>Bureau Accès Montréal (comptoir)</source>
        <translation>Bureau Accès Montréal (counter)</translation>
    </message>
</context>
</TS>
