; Inno Setup 6 script: the Windows installer around the one-folder build.
; Build the folder first (installer\README.md), then, from the clone:
;   iscc installer\relais.iss          -> installer\Output\relais-setup-0.1.0.exe
; Deployment (silent, per machine, with the central store the console syncs with):
;   relais-setup-0.1.0.exe /VERYSILENT /SERVER=https://relais.example.ville /CABUNDLE=\\share\ca.pem
; This file is UTF-8 with a byte order mark: Inno Setup reads it as Unicode.

#define AppName "Relais"
#define AppVersion "0.1.0"
#define BuildDir "..\dist\relais"

[Setup]
; The AppId ties upgrades and the uninstaller to this application: never change it.
AppId={{6C0B5E1A-6F43-4B7E-9A51-2F1D3C8E7A42}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Ville de Montréal
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per machine: Program Files, shortcuts for every user; needs an administrator.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\relais.exe
OutputBaseFilename=relais-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A running console holds its files open: offer to close it before replacing them.
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
french.SelfCheckFailed=Relais est installé, mais sa vérification a échoué. Ouvrez une invite de commandes et lancez « "%1" --self-check » : la ligne affichée dit ce qui manque et comment le corriger.
english.SelfCheckFailed=Relais is installed, but its self-check failed. Open a command prompt and run "%1" --self-check: the line it prints says what is missing and how to fix it.

[Files]
; The whole one-folder build. relais.exe is the window; relais-cli.exe the same console
; for a terminal (--self-check, kb, demo).
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The city's CA certificates, when given as /CABUNDLE=path: kept beside the console.
Source: "{param:CABUNDLE|}"; DestDir: "{app}"; DestName: "city-ca.pem"; Flags: external skipifsourcedoesntexist; Check: HasParam('CABUNDLE')

[Icons]
; The console remembers --server and --ca-bundle in each agent's settings at its start:
; a per-machine install cannot write every user's settings, so the shortcut carries them.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\relais.exe"; Parameters: "{code:ConsoleParameters}"; WorkingDir: "{app}"

; No [UninstallDelete]: the uninstaller removes only what it installed, never an agent's
; data folder (%LOCALAPPDATA%\Relais: the local store, requests not yet sent) nor settings.

[Code]
function HasParam(Name: String): Boolean;
begin
  Result := ExpandConstant('{param:' + Name + '|}') <> '';
end;

function ConsoleParameters(Param: String): String;
var
  Server: String;
begin
  Result := '';
  Server := ExpandConstant('{param:SERVER|}');
  if Server <> '' then
    Result := '--server "' + Server + '"';
  if HasParam('CABUNDLE') then
    Result := Trim(Result + ' --ca-bundle "' + ExpandConstant('{app}\city-ca.pem') + '"');
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  Cli: String;
  ResultCode: Integer;
begin
  if CurStep <> ssPostInstall then
    Exit;
  // The console checks itself on a throwaway store: the agents' data is not touched.
  Cli := ExpandConstant('{app}\relais-cli.exe');
  if not Exec(Cli, '--self-check', ExpandConstant('{app}'), SW_HIDE, ewWaitUntilTerminated,
      ResultCode) or (ResultCode <> 0) then
    SuppressibleMsgBox(FmtMessage(CustomMessage('SelfCheckFailed'), [Cli]), mbError, MB_OK, IDOK);
end;
