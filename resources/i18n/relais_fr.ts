<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_CA" sourcelanguage="fr_CA">
<context>
    <name>ArticlePanel</name>
    <message>
        <location filename="../../app/ui/article_view.py" line="111" />
        <source>Référence</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="112" />
        <source>Copier la référence</source>
        <translation>Copier la référence</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="113" />
        <source>Copie l'unité, le téléphone, l'adresse et les heures</source>
        <translation>Copie l'unité, le téléphone, l'adresse et les heures</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="115" />
        <source>Unité</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="116" />
        <source>Téléphone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="117" />
        <source>Adresse</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="118" />
        <source>Heures</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="122" />
        <source>Afficher en français</source>
        <translation>Afficher en français</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="123" />
        <source>Afficher en anglais</source>
        <translation>Afficher en anglais</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="126" />
        <source>Cherchez à gauche, puis Entrée pour ouvrir un article.
Ctrl+K revient à la recherche.</source>
        <translation>Cherchez à gauche, puis Entrée pour ouvrir un article.
Ctrl+K revient à la recherche.</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="164" />
        <source>mis à jour le %1</source>
        <translation>mis à jour le %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/article_view.py" line="181" />
        <source>Documents envoyables sur demande : %1</source>
        <translation>Documents envoyables sur demande : %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="63" />
        <source>Référence copiée dans le presse-papiers</source>
        <translation>Référence copiée dans le presse-papiers</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="101" />
        <source>Relais — Console 311</source>
        <translation>Relais — Console 311</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="102" />
        <source>&amp;Fichier</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="104" />
        <source>&amp;Affichage</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="105" />
        <source>Aller à la recherche	Ctrl+K</source>
        <translation>Aller à la recherche	Ctrl+K</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="106" />
        <source>&amp;Langue</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="107" />
        <source>Aid&amp;e</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="108" />
        <source>À &amp;propos de Relais</source>
        <translation>À &amp;propos de Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="109" />
        <source>⚠ Contenu intégré non chargé (détails au survol)</source>
        <translation>⚠ Contenu intégré non chargé (détails au survol)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="134" />
        <source>La traduction anglaise est introuvable ; l'interface reste en français.</source>
        <translation>La traduction anglaise est introuvable ; l'interface reste en français.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150" />
        <source>Cet article n'existe plus.</source>
        <translation>Cet article n'existe plus.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155" />
        <source>Banque d'information indisponible</source>
        <translation>Banque d'information indisponible</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="158" />
        <source>Le stockage local %1 a été écrit par une version plus récente de Relais. Il n'a pas été modifié : installez la version récente de Relais, ou lancez Relais avec un autre dossier de données (--data-dir).</source>
        <translation>Le stockage local %1 a été écrit par une version plus récente de Relais. Il n'a pas été modifié : installez la version récente de Relais, ou lancez Relais avec un autre dossier de données (--data-dir).</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163" />
        <source>Le stockage local ne peut pas être ouvert : %1</source>
        <translation>Le stockage local ne peut pas être ouvert : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="169" />
        <source>Relais</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="180" />
        <source>Recherche : %1 ms</source>
        <translation>Recherche : %1 ms</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185" />
        <source>Ouverture de la banque d'information…</source>
        <translation>Ouverture de la banque d'information…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="188" />
        <source>%n article(s) · stockage local</source>
        <translation>
            <numerusform>%n article · stockage local</numerusform>
            <numerusform>%n articles · stockage local</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="195" />
        <source>À propos de Relais</source>
        <translation>À propos de Relais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="196" />
        <source>Relais %1 — console des agents 311 et des Bureaux Accès Montréal.</source>
        <translation>Relais %1 — console des agents 311 et des Bureaux Accès Montréal.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/ui/search_panel.py" line="94" />
        <source>Rechercher dans la banque d'information (Ctrl+K)…</source>
        <translation>Rechercher dans la banque d'information (Ctrl+K)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="95" />
        <source>Recherche</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="96" />
        <source>Résultats</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="127" />
        <source>Recherche impossible : %1</source>
        <translation>Recherche impossible : %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="147" />
        <source>Tapez quelques mots : les résultats suivent la frappe.</source>
        <translation>Tapez quelques mots : les résultats suivent la frappe.</translation>
    </message>
    <message>
        <location filename="../../app/ui/search_panel.py" line="151" />
        <source>Aucun article ne correspond. Essayez d'autres mots.</source>
        <translation>Aucun article ne correspond. Essayez d'autres mots.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/search_panel.py" line="153" />
        <source>%n article(s) contenant une partie des mots</source>
        <translation>
            <numerusform>%n article contenant une partie des mots</numerusform>
            <numerusform>%n articles contenant une partie des mots</numerusform>
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