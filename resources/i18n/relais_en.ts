<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_CA" sourcelanguage="fr_CA">
<context>
    <name>ArticlePanel</name>
    <message>
        <location filename="../../app/ui/article_view.py" line="111" />
        <source>Référence</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="112" />
        <source>Copier la référence</source>
        <translation>Copy referral</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="113" />
        <source>Copie l'unité, le téléphone, l'adresse et les heures</source>
        <translation>Copies the unit, phone, address and hours</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="115" />
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="116" />
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="117" />
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="118" />
        <source>Heures</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="122" />
        <source>Afficher en français</source>
        <translation>Show in French</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="123" />
        <source>Afficher en anglais</source>
        <translation>Show in English</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="126" />
        <source>Cherchez à gauche, puis Entrée pour ouvrir un article.
Ctrl+K revient à la recherche.</source>
        <translation>Search on the left, then Enter to open an article.
Ctrl+K returns to the search.</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="164" />
        <source>mis à jour le %1</source>
        <translation>updated %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="181" />
        <source>Documents envoyables sur demande : %1</source>
        <translation>Documents that can be sent on request: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="63" />
        <source>Référence copiée dans le presse-papiers</source>
        <translation>Referral copied to the clipboard</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="101" />
        <source>Relais — Console 311</source>
        <translation>Relais — 311 console</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="102" />
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="104" />
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="105" />
        <source>Aller à la recherche	Ctrl+K</source>
        <translation>Go to search	Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="106" />
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="107" />
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="108" />
        <source>À &amp;propos de Relais</source>
        <translation>&amp;About Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="109" />
        <source>⚠ Contenu intégré non chargé (détails au survol)</source>
        <translation>⚠ Bundled content not loaded (hover for details)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="134" />
        <source>La traduction anglaise est introuvable ; l'interface reste en français.</source>
        <translation>The English translation cannot be found; the interface stays in French.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150" />
        <source>Cet article n'existe plus.</source>
        <translation>This article no longer exists.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155" />
        <source>Banque d'information indisponible</source>
        <translation>Knowledge base unavailable</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="158" />
        <source>Le stockage local %1 a été écrit par une version plus récente de Relais. Il n'a pas été modifié : installez la version récente de Relais, ou lancez Relais avec un autre dossier de données (--data-dir).</source>
        <translation>The local store %1 was written by a newer version of Relais. It was left untouched: install the newer Relais, or start Relais with another data folder (--data-dir).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163" />
        <source>Le stockage local ne peut pas être ouvert : %1</source>
        <translation>The local store cannot be opened: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="169" />
        <source>Relais</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="180" />
        <source>Recherche : %1 ms</source>
        <translation>Search: %1 ms</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185" />
        <source>Ouverture de la banque d'information…</source>
        <translation>Opening the knowledge base…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="188" />
        <source>%n article(s) · stockage local</source>
        <translation>
            <numerusform>%n article · local store</numerusform>
            <numerusform>%n articles · local store</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="195" />
        <source>À propos de Relais</source>
        <translation>About Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="196" />
        <source>Relais %1 — console des agents 311 et des Bureaux Accès Montréal.</source>
        <translation>Relais %1 — console of the 311 agents and the Bureaux Accès Montréal.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/ui/search_panel.py" line="94" />
        <source>Rechercher dans la banque d'information (Ctrl+K)…</source>
        <translation>Search the knowledge base (Ctrl+K)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="95" />
        <source>Recherche</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="96" />
        <source>Résultats</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="127" />
        <source>Recherche impossible : %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="147" />
        <source>Tapez quelques mots : les résultats suivent la frappe.</source>
        <translation>Type a few words: results follow as you type.</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="151" />
        <source>Aucun article ne correspond. Essayez d'autres mots.</source>
        <translation>No article matches. Try other words.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/search_panel.py" line="153" />
        <source>%n article(s) contenant une partie des mots</source>
        <translation>
            <numerusform>%n article containing some of the words</numerusform>
            <numerusform>%n articles containing some of the words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/search_panel.py" line="155" />
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
</TS>