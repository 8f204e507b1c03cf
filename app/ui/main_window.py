"""The console's main window: three tabs an agent moves between with the keyboard:
the knowledge base (search and article), the request form, and the case history; the
interaction bar (F2/F3) above them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.services.articles import ArticleView
from app.services.indicators import SUPERVISOR_ROLES
from app.services.interactions import InteractionView
from app.services.profile import Profile
from app.services.search import SearchResult
from app.services.settings_rules import SYSTEM, ConsoleSettings
from app.services.workspace import Recovery, StoreTooNewError, Workspace
from app.sync.client import Session
from app.sync.engine import ONLINE, SyncStatus
from app.ui.cases.case_history import CaseHistoryPanel
from app.ui.interaction_bar import InteractionBar
from app.ui.request.request_form import RequestForm
from app.ui.search.article_view import ArticlePanel
from app.ui.search.search_panel import SearchPanel
from app.ui.shortcuts_dialog import KeyHelp, ShortcutsDialog, window_keys
from app.ui.station import settings
from app.ui.station.settings_dialog import SettingsDialog
from app.ui.station.workstation_dialog import WorkstationDialog
from app.ui.supervisor.supervisor_view import SupervisorView
from app.ui.sync.sync_controller import SyncController
from app.ui.sync.sync_status import DownloadProgress, OfflineBanner, SyncIndicator
from app.ui.widgets import formatting as fmt
from app.ui.widgets.background import Background
from app.ui.widgets.i18n import Translations, system_language
from app.ui.widgets.window_fit import fit, keep_on_screen

INFO_TAB, REQUEST_TAB, CASES_TAB = range(3)
PURGE_CHECK_MS = 3_600_000  # hourly: the daily purge runs within the hour a day has passed


class MainWindow(QMainWindow):
    def __init__(
        self, background: Background, translations: Translations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.background = background
        self.translations = translations
        self.workspace: Workspace | None = None
        self.error_box: QMessageBox | None = None
        self.store_failed = False  # the store could not be opened: exit code 2
        self.workstation_dialog: WorkstationDialog | None = None
        self._session: Session | None = None  # a demo's ready-made login
        self._article_count = 0
        self.quit_box: QMessageBox | None = None
        self._may_quit = False  # the agent chose to quit, the draft kept (or given up)

        self.search = SearchPanel(background, self)
        self.article = ArticlePanel(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.search)
        splitter.addWidget(self.article)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 720])
        self.form = RequestForm(background, self)
        self.cases = CaseHistoryPanel(background, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.info_page = splitter
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.form, "")
        self.tabs.addTab(self.cases, "")
        self.tabs.currentChanged.connect(self._on_tab)
        self.banner = OfflineBanner(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.sync: SyncController | None = None
        self.supervisor_view: SupervisorView | None = None
        self.sync_indicator = SyncIndicator(self)
        self.sync_indicator.hide()
        self.download = DownloadProgress(self)
        self.interaction = InteractionBar(background, self)
        toolbar = QToolBar(self)
        toolbar.setObjectName("interactionToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.interaction)
        self.addToolBar(toolbar)

        self.store_status = QLabel(self)
        self.timing_status = QLabel(self)
        self.warning_status = QLabel(self)
        self.warning_status.setObjectName("warningStatus")
        self.warning_status.setStyleSheet("color: #8a4b00;")
        self.warning_status.hide()
        self.statusBar().addPermanentWidget(self.warning_status)
        self.statusBar().addPermanentWidget(self.timing_status)
        self.statusBar().addPermanentWidget(self.store_status)
        self.statusBar().addPermanentWidget(self.download)
        self.statusBar().addPermanentWidget(self.sync_indicator)

        self._build_menus()
        self._build_settings_menu()
        self._build_shortcuts()
        self._connect()
        # 1200×780 where it fits; on a laptop, the screen's available area.
        fit(self, QSize(1200, 780))
        keep_on_screen(self, grow=False)
        self.retranslate()
        self._spread_language()
        self.search.field.setFocus()

    # -- set-up -------------------------------------------------------------------------
    def _build_shortcuts(self) -> None:
        keys = {
            "Ctrl+K": ("search", self.go_search),
            "Ctrl+1": ("search", self.go_search),
            "Ctrl+N": ("request", self.go_request),
            "Ctrl+2": ("request", self.go_request),
            "Ctrl+D": ("cases", self.go_cases),
            "Ctrl+3": ("cases", self.go_cases),
            "Ctrl+Shift+N": ("article_request", self.article._request_service),
            "F2": ("start", self.interaction.start),
            "F3": ("end", self.interaction.end),
        }
        # Each says what it does (whatsThis, in retranslate): the F1 list reads it there.
        self._shortcuts: list[tuple[QShortcut, str]] = []
        for key, (name, slot) in keys.items():
            shortcut = QShortcut(
                QKeySequence(key), self, slot, context=Qt.ShortcutContext.ApplicationShortcut
            )
            self._shortcuts.append((shortcut, name))
        # Escape in an open article goes back to the search; only there (the form uses
        # Escape to close its lists, and must not lose the agent's place to it).
        back = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self.article,
            self.search.focus_search,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._shortcuts.append((back, "article_back"))

    def _shortcut_texts(self) -> dict[str, str]:
        return {
            "search": self.tr("Aller à la recherche d'information"),
            "request": self.tr("Nouvelle demande"),
            "cases": self.tr("Chercher un dossier"),
            "article_request": self.tr("Créer une demande pour le service de l'article ouvert"),
            "start": self.tr("Début d'interaction (appel, visite, courriel, lettre)"),
            "end": self.tr("Fin de l'interaction, avec son résultat"),
            "article_back": self.tr("Revenir de l'article à la recherche"),
        }

    def _typed_keys(self) -> list[KeyHelp]:
        """Keys the lists and fields handle themselves (event filters), for the F1 list."""
        everywhere, info, request, cases = self._sections_names()
        return [
            KeyHelp(
                everywhere, self.tr("Alt+lettre soulignée"), self.tr("Aller au champ ou au bouton")
            ),
            KeyHelp(everywhere, self.tr("Tab, Maj+Tab"), self.tr("Champ suivant, champ précédent")),
            KeyHelp(info, self.tr("↑ ↓ puis Entrée"), self.tr("Choisir et ouvrir un article")),
            KeyHelp(
                request,
                self.tr("↓ puis Entrée"),
                self.tr("Choisir le citoyen trouvé (Entrée seule : nouveau citoyen)"),
            ),
            KeyHelp(request, self.tr("Entrée"), self.tr("Choisir le type de demande proposé")),
            KeyHelp(cases, self.tr("↑ ↓ puis Entrée"), self.tr("Ouvrir le dossier trouvé")),
            KeyHelp(
                self.tr("Fin de l'interaction"),
                self.tr("1, 2, 3, 4"),
                self.tr("Choisir le résultat de l'interaction"),
            ),
        ]

    def _sections_names(self) -> tuple[str, str, str, str]:
        return (
            self.tr("Partout"),
            self.tr("Information"),
            self.tr("Nouvelle demande"),
            self.tr("Dossiers"),
        )

    def _connect(self) -> None:
        self.search.articleRequested.connect(self.open_article)
        self.search.searched.connect(self._on_searched)
        self.article.referralCopied.connect(
            lambda: self.show_message(self.tr("Référence copiée dans le presse-papiers"))
        )
        self.article.requestForService.connect(self.request_for_service)
        self.form.articleRequested.connect(self.open_article)
        self.form.openCase.connect(self.open_case)
        self.form.saved.connect(self._on_saved)
        self.form.draftRestored.connect(self._on_draft_restored)
        for source in (self.form, self.cases, self.interaction):
            source.statusMessage.connect(self.show_message)
        self.interaction.channelChanged.connect(self.form.set_channel)
        self.interaction.interactionChanged.connect(self._on_interaction)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.workstation_action = QAction(self)
        self.workstation_action.triggered.connect(self.edit_workstation)
        self.quit_action = QAction(self)
        # Ctrl+Q on every platform: the standard Quit key is none on Windows (and on
        # desktops without a platform theme), and agents quit with Ctrl+Q.
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.search_action = QAction(self)
        self.search_action.triggered.connect(self.search.focus_search)
        self.view_menu.addAction(self.search_action)
        self.lang_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for code, name in (("fr", "Français"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            self.lang_menu.addAction(action)
            self.lang_actions[code] = action
        self.indicators_action = QAction(self)
        self.indicators_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.indicators_action.triggered.connect(self.show_indicators)
        self.indicators_action.setVisible(False)  # supervisors only, once the role is known
        self.view_menu.addAction(self.indicators_action)

        self.file_menu.insertAction(self.quit_action, self.workstation_action)
        self.login_action = QAction(self)
        self.login_action.triggered.connect(self._log_in)
        self.logout_action = QAction(self)
        self.logout_action.triggered.connect(lambda: self._log_out(False))
        self.logout_clear_action = QAction(self)
        self.logout_clear_action.triggered.connect(lambda: self._log_out(True))
        # What waits for the central store, and what it refused (also a click on the
        # status bar's indicator).
        self.sync_action = QAction(self)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.triggered.connect(self.show_sync)
        for action in self._server_actions():
            action.setVisible(False)
            self.file_menu.insertAction(self.quit_action, action)
        self.file_menu.insertSeparator(self.quit_action)

        self.help_menu = bar.addMenu("")
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.help_menu.addAction(self.shortcuts_action)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

    def _build_settings_menu(self) -> None:
        self.settings_dialog: SettingsDialog | None = None
        self.server_box: QMessageBox | None = None
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.edit_settings)
        self.file_menu.insertAction(self.workstation_action, self.settings_action)
        # Cached citizens not used for the retention period go, checked hourly, run daily.
        self._purge_timer = QTimer(self)
        self._purge_timer.setInterval(PURGE_CHECK_MS)
        self._purge_timer.timeout.connect(self._purge_if_due)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Relais — Console 311"))
        self.settings_action.setText(self.tr("P&aramètres…"))
        self.file_menu.setTitle(self.tr("&Fichier"))
        self.quit_action.setText(self.tr("&Quitter"))
        self.workstation_action.setText(self.tr("&Poste de travail…"))
        self.login_action.setText(self.tr("Se &connecter au registre central…"))
        self.logout_action.setText(self.tr("Se &déconnecter"))
        self.logout_clear_action.setText(
            self.tr("Se déconnecter et &effacer les données des citoyens de ce poste")
        )
        self.tabs.setTabText(INFO_TAB, self.tr("Information (Ctrl+K)"))
        self.tabs.setTabText(REQUEST_TAB, self.tr("Nouvelle demande (Ctrl+N)"))
        self.tabs.setTabText(CASES_TAB, self.tr("Dossiers (Ctrl+D)"))
        self.view_menu.setTitle(self.tr("&Affichage"))
        self.search_action.setText(self.tr("Aller à la recherche\tCtrl+K"))
        self.lang_menu.setTitle(self.tr("&Langue"))
        self.indicators_action.setText(self.tr("&Indicateurs de service…"))
        self.help_menu.setTitle(self.tr("Aid&e"))
        self.shortcuts_action.setText(self.tr("&Raccourcis clavier…"))
        self.about_action.setText(self.tr("À &propos de Relais"))
        self.sync_action.setText(self.tr("&Synchronisation…"))
        texts = self._shortcut_texts()
        for shortcut, name in self._shortcuts:
            shortcut.setWhatsThis(texts[name])
        self.warning_status.setText(self.tr("⚠ Contenu intégré non chargé (détails au survol)"))
        self.lang_actions[self.translations.lang].setChecked(True)
        self.search.retranslate()
        self.article.retranslate()
        self.form.retranslate()
        self.cases.retranslate()
        self.interaction.retranslate()
        self._update_store_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- actions ------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace, article_count: int) -> None:
        self.workspace = workspace
        self._article_count = article_count
        self._update_store_status()
        self.search.set_searcher(workspace.search)
        self.form.set_workspace(workspace)
        self.cases.set_workspace(workspace)
        self.interaction.set_workspace(workspace)
        if workspace.profile is None:
            self.edit_workstation()
        elif self.sync is not None:
            self.sync.start(workspace, self._session)
        if workspace.recovered is not None:
            self.show_recovery(workspace.recovered)
        if workspace.warnings:
            self.warning_status.setToolTip("\n\n".join(workspace.warnings))
            self.warning_status.show()
            self.retranslate()
        self._apply_default_channel()
        self._start_privacy_purge(workspace)

    def set_language(self, lang: str) -> None:
        """From the View menu: this language from now on, at every start too."""
        self.apply_language(lang)
        settings.save_language(self.translations.lang)

    def apply_language(self, lang: str) -> None:
        if not self.translations.apply(lang):
            self.statusBar().showMessage(
                self.tr("La traduction anglaise est introuvable ; l'interface reste en français."),
                8000,
            )
        self._spread_language()
        self.retranslate()

    def _spread_language(self) -> None:
        lang = self.translations.lang
        self.search.set_language(lang)
        self.article.set_ui_language(lang)
        self.form.set_language(lang)
        self.cases.set_language(lang)
        self.interaction.set_language(lang)
        if self.supervisor_view is not None:
            self.supervisor_view.set_language(lang)

    # -- moving between tabs ------------------------------------------------------------
    def go_search(self) -> None:
        self.tabs.setCurrentIndex(INFO_TAB)
        self.search.focus_search()

    def go_request(self) -> None:
        """Nouvelle demande (Ctrl+N): after a save, the form starts clean (see
        RequestForm.new_request)."""
        self.tabs.setCurrentIndex(REQUEST_TAB)
        self.form.new_request()

    def _on_tab(self, index: int) -> None:
        if index == CASES_TAB:
            self.cases.list_again()

    def go_cases(self) -> None:
        self.tabs.setCurrentIndex(CASES_TAB)
        self.cases.focus_search()

    def request_for_service(self, code: str) -> None:
        self.tabs.setCurrentIndex(REQUEST_TAB)
        self.form.new_request()  # a new request, as Ctrl+N: after a save, a clean slate
        self.form.preselect_service(code)

    def open_case(self, case_number: str) -> None:
        self.tabs.setCurrentIndex(CASES_TAB)
        self.cases.show_case(case_number)

    # -- the central store ---------------------------------------------------------------
    def attach_sync(self, controller: SyncController, session: Session | None = None) -> None:
        """Sync with a central store (no call: the console stays local only)."""
        self.sync = controller
        self._session = session
        controller.statusChanged.connect(self.sync_indicator.show_status)
        controller.statusChanged.connect(self.banner.show_status)
        controller.statusChanged.connect(self.download.show_status)
        self.sync_indicator.clicked.connect(self.show_sync)
        controller.roleChanged.connect(self._on_role)
        # A refused change's way out: the store's copy of a case, and the case from the
        # sync window; after each round, the open case reads again.
        controller.openCase.connect(self.open_case)
        controller.statusChanged.connect(self._after_round)
        self.cases.set_store_copy_fetcher(controller.fetch_request)
        self.sync_indicator.show()
        for action in self._server_actions():
            action.setVisible(True)
        # Every local change is sent soon after it is saved: the store announces it to the
        # controller (SyncController._hear_local_changes), whatever screen saved it.

    def _after_round(self, status: SyncStatus) -> None:
        if status.state == ONLINE:
            self.cases.refresh_shown(status.updated)

    def _on_role(self, role: str) -> None:
        self.indicators_action.setVisible(role in SUPERVISOR_ROLES)
        if role not in SUPERVISOR_ROLES and self.supervisor_view is not None:
            self.supervisor_view.close()  # signed out, or another user: not theirs to read

    def show_indicators(self) -> None:
        if self.workspace is None or not self.indicators_action.isVisible():
            return
        if self.supervisor_view is None:
            fetch = self.sync.fetch_indicators if self.sync is not None else None
            self.supervisor_view = SupervisorView(
                self.background, self.workspace, fetch, self.translations.lang, self
            )
        self.supervisor_view.show()
        self.supervisor_view.raise_()
        self.supervisor_view.activateWindow()
        self.supervisor_view.refresh()

    def _log_in(self) -> None:
        if self.sync is not None:
            self.sync.log_in()

    def _server_actions(self) -> tuple[QAction, ...]:
        """The File menu's entries that need a central store."""
        return (self.login_action, self.sync_action, self.logout_action, self.logout_clear_action)

    def show_sync(self) -> None:
        """Fichier → Synchronisation (Ctrl+Maj+S): the operations waiting and refused."""
        if self.sync is not None:
            self.sync.show_window(self.translations.lang)

    def show_shortcuts(self) -> None:
        """Aide → Raccourcis clavier (F1): every shortcut of the window, as it is now."""
        everywhere, info, request, cases = self._sections_names()
        sections = {self.info_page: info, self.form: request, self.cases: cases}
        keys = window_keys(self, sections, everywhere, self._typed_keys())
        self.shortcuts_dialog = ShortcutsDialog(keys, self)
        self.shortcuts_dialog.open()

    def _log_out(self, clear: bool) -> None:
        if self.sync is None:
            return
        self.sync.log_out(
            clear,
            lambda removed: self.show_message(
                self.tr("Déconnecté. %n fiche(s) de citoyen effacée(s) de ce poste.", "", removed)
                if clear
                else self.tr("Déconnecté. Le travail en attente est conservé.")
            ),
        )

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _on_saved(self, case_number: str) -> None:
        self.interaction.case_saved()
        self.show_message(
            self.tr("Demande %1 enregistrée sur ce poste.").replace("%1", case_number)
        )

    def _on_draft_restored(self) -> None:
        """Last session's half-typed request is back: shown at once, unless the agent
        has begun a search meanwhile (the status bar says where it is then)."""
        if not self.search.field.text():
            self.go_request()
        self.show_message(
            self.tr("Brouillon de demande repris : onglet Nouvelle demande (Ctrl+N).")
        )

    def _on_interaction(self, view: InteractionView | None) -> None:
        before = self.form.interaction_id
        self.form.set_interaction(view.id if view else None)
        # A clean slate for each call: what the previous caller left goes.
        if view is not None and before is None:
            self.form.call_started()
        elif view is None and before is not None:
            self.form.call_ended()

    def edit_workstation(self) -> None:
        if self.workspace is None:
            return
        self.workstation_dialog = WorkstationDialog(self.background, self.workspace, self)
        self.workstation_dialog.profileSaved.connect(self._on_workstation)
        self.workstation_dialog.open()

    def _on_workstation(self, profile: Profile) -> None:
        if self.sync is not None:
            self.sync.suggest_user(profile.agent)  # not typed twice: the login has it
        self._on_profile(profile)

    def _on_profile(self, profile: Profile) -> None:
        self.form.set_profile(profile)
        self.interaction.set_workspace(self.workspace)
        self._apply_default_channel()
        if self.sync is not None and self.workspace is not None:
            self.sync.start(self.workspace)
        self.show_message(
            self.tr("Poste %1 · %2")
            .replace("%1", profile.station_code)
            .replace("%2", profile.agent)
        )

    # -- settings and privacy -------------------------------------------------------------
    def edit_settings(self) -> None:
        self.settings_dialog = SettingsDialog(self.background, self.workspace, self)
        self.settings_dialog.set_language(self.translations.lang)
        self.settings_dialog.profileSaved.connect(self._on_profile)
        self.settings_dialog.settingsSaved.connect(self._apply_settings)
        self.settings_dialog.open()

    def _apply_settings(self, previous: ConsoleSettings, chosen: ConsoleSettings) -> None:
        if chosen.language != previous.language:  # else a one-off --lang stays
            self.apply_language(system_language() if chosen.language == SYSTEM else chosen.language)
        settings.apply_font_size(chosen.font_size)
        self._apply_default_channel()
        if self.workspace is not None:
            self.background.spawn(self._purge(self.workspace.purge_stale_citizens))
        if chosen.server_url != previous.server_url:
            self._tell_server_applies_at_restart(chosen.server_url)

    def _tell_server_applies_at_restart(self, url: str) -> None:
        # Sync holds the session, the engine and its queue for one server: switching them
        # under a running round is not worth the risk; a restart is clean.
        text = (
            self.tr("Le registre central %1 sera utilisé au prochain démarrage de Relais.").replace(
                "%1", url
            )
            if url
            else self.tr("Au prochain démarrage, Relais travaillera en local seulement.")
        )
        self.server_box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Paramètres"), text, parent=self
        )
        self.server_box.setObjectName("serverChangedBox")
        self.server_box.open()

    def _apply_default_channel(self) -> None:
        """The setting's channel over the workplace's, for the next interaction and request."""
        channel = settings.load().default_channel
        if not channel and self.workspace is not None and self.workspace.profile is not None:
            channel = self.workspace.profile.default_channel
        if channel and self.interaction.current is None:
            self.interaction.set_channel(channel)
            self.form.set_channel(channel)

    def _start_privacy_purge(self, workspace: Workspace) -> None:
        self.background.spawn(self._purge(workspace.purge_stale_citizens))
        self._purge_timer.start()

    def _purge_if_due(self) -> None:
        if self.workspace is not None:
            self.background.spawn(self._purge(self.workspace.purge_if_due))

    async def _purge(self, purge: Callable[[int], int | None]) -> None:
        removed = await self.background.run(purge, settings.retention_days())
        if removed:
            self.show_message(
                self.tr(
                    "%n fiche(s) de citoyen inutilisée(s) depuis la période de conservation "
                    "effacée(s) de ce poste.",
                    "",
                    removed,
                )
            )

    def open_article(self, article_id: str, lang: str) -> None:
        if self.workspace is None:
            return
        self.background.spawn(self._load_article(self.workspace, article_id, lang))

    async def _load_article(self, workspace: Workspace, article_id: str, lang: str) -> None:
        article: ArticleView | None = await self.background.run(workspace.article, article_id)
        if article is None:
            self.show_message(self.tr("Cet article n'existe plus."))
            return
        self.tabs.setCurrentIndex(INFO_TAB)
        self.article.show_article(article, lang)

    def show_store_error(self, error: Exception) -> None:
        self.store_failed = True  # the console ends with exit code 2
        self.store_status.setText(self.tr("Banque d'information indisponible"))
        if isinstance(error, StoreTooNewError):
            message = self.tr(
                "Le stockage local %1 a été écrit par une version plus récente de Relais. "
                "Il n'a pas été modifié : installez la version récente de Relais, ou lancez "
                "Relais avec un autre dossier de données (--data-dir)."
            ).replace("%1", str(error.path))
        else:
            message = self.tr("Le stockage local ne peut pas être ouvert : %1.").replace(
                "%1", fmt.failure_reason(error)
            )
        self._tell(QMessageBox.Icon.Critical, "storeErrorBox", message)

    def show_recovery(self, recovered: Recovery) -> None:
        """The store was empty or damaged: say so, where the copy is, what was kept."""
        message = self.tr(
            "Le stockage local de ce poste était inutilisable (%1). Il a été mis de côté, "
            "sans être modifié, sous :\n%2\n\n%3 opération(s) non transmise(s) ont été "
            "récupérées et seront envoyées au stockage central ; Relais repart d'un stockage "
            "neuf, et les dossiers reviennent du stockage central à la synchronisation. Les "
            "numéros de dossier déjà donnés ne seront pas redonnés."
        )
        message = (
            message.replace("%1", fmt.damage_reason(recovered.reason))
            .replace("%2", str(recovered.copy))
            .replace("%3", str(len(recovered.ops)))
        )
        if recovered.unreadable:
            message += "\n\n" + self.tr(
                "%1 élément(s) illisible(s) sont restés dans la copie mise de côté."
            ).replace("%1", str(recovered.unreadable))
        self._tell(QMessageBox.Icon.Warning, "storeRecoveredBox", message)

    def _tell(self, icon: QMessageBox.Icon, name: str, message: str) -> None:
        # open(), not exec(): no nested event loop inside the qasync task that reports this.
        self.error_box = QMessageBox(
            icon, self.tr("Relais"), message, QMessageBox.StandardButton.Ok, self
        )
        self.error_box.setObjectName(name)
        self.error_box.open()

    def _on_searched(self, result: SearchResult) -> None:
        if result.query.strip():
            self.timing_status.setText(
                self.tr("Recherche : %1 ms").replace("%1", f"{result.elapsed_ms:.0f}")
            )

    def _update_store_status(self) -> None:
        if self.workspace is None:
            self.store_status.setText(self.tr("Ouverture de la banque d'information…"))
        else:
            self.store_status.setText(
                self.tr("%n article(s) · stockage local", "", self._article_count)
            )
            self.store_status.setToolTip(str(self.workspace.store.path))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("À propos de Relais"),
            self.tr("Relais %1 — console des agents 311 et des Bureaux Accès Montréal.").replace(
                "%1", __version__
            ),
        )

    # -- quitting ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_quit and self.workspace is not None:
            if self.form.has_unsaved():
                event.ignore()  # asked first; the draft is written before the window goes
                self._ask_before_quitting()
                return
            if self.form.draft_pending:
                event.ignore()  # the draft's last change is written first
                self.background.spawn(self._quit_after_draft())
                return
        QSettings().setValue(settings.GEOMETRY, self.saveGeometry())
        super().closeEvent(event)

    def _ask_before_quitting(self) -> None:
        if self.quit_box is not None and self.quit_box.isVisible():
            return
        box = QMessageBox(self)
        box.setObjectName("quitBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quitter Relais"))
        box.setText(self.tr("Une demande est en cours de saisie et n'est pas enregistrée."))
        box.setInformativeText(
            self.tr(
                "Si vous quittez, elle est gardée comme brouillon sur ce poste et reprise "
                "dans le formulaire au prochain démarrage."
            )
        )
        quit_button = box.addButton(
            self.tr("&Quitter quand même"), QMessageBox.ButtonRole.DestructiveRole
        )
        quit_button.setObjectName("quitAnyway")
        cancel = box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("quitCancel")
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(
            lambda clicked: (
                self.background.spawn(self._quit_after_draft())
                if clicked is quit_button
                else self.go_request()
            )
        )
        self.quit_box = box
        box.open()  # open(), not exec(): no nested event loop

    async def _quit_after_draft(self) -> None:
        """Write the draft, then quit; when it cannot be written, say so and ask again:
        what is typed is lost only on the agent's word."""
        failed = await self.form.save_draft_now()
        if failed is None or not self.form.has_unsaved():  # nothing typed would be lost
            self._may_quit = True
            self.close()
            return
        box = QMessageBox(self)
        box.setObjectName("quitDraftFailedBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Quitter Relais"))
        box.setText(
            self.tr("Le brouillon n'a pas pu être enregistré sur ce poste (%1).").replace(
                "%1", fmt.failure_reason(failed)
            )
        )
        box.setInformativeText(
            self.tr("Si vous quittez maintenant, ce qui est saisi dans le formulaire sera perdu.")
        )
        lose = box.addButton(
            self.tr("Quitter et &perdre la saisie"), QMessageBox.ButtonRole.DestructiveRole
        )
        lose.setObjectName("quitLosingDraft")
        cancel = box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(lambda clicked: self._quit_now() if clicked is lose else None)
        self.quit_box = box
        box.open()

    def _quit_now(self) -> None:
        self._may_quit = True
        self.close()
