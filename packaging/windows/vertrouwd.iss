; Inno Setup 6 script: Vertrouwd for one adviser, installed without administrator rights.
;   iscc /DAppVersion=0.1.0 /DDistDir=..\..\dist\Vertrouwd packaging\windows\vertrouwd.iss
; Installs the PyInstaller folder (packaging/vertrouwd.spec) into %LOCALAPPDATA%\Programs\Vertrouwd and a
; Start-menu shortcut for this user only. The adviser's data lives elsewhere (%LOCALAPPDATA%\Vertrouwd,
; %APPDATA%\Vertrouwd) and is never touched by installing, upgrading or uninstalling.
; Not built on the Linux CI; .github/workflows/release.yml builds and smoke-tests it on a Windows runner.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\Vertrouwd"
#endif

[Setup]
; The AppId identifies the program across versions (upgrades replace it): never change it.
AppId={{CA59DFF3-3632-4930-8A66-98D13AD788F4}
AppName=Vertrouwd
AppVersion={#AppVersion}
AppVerName=Vertrouwd {#AppVersion}
AppPublisher=Vertrouwd
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs in this mode.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Vertrouwd
DefaultGroupName=Vertrouwd
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=Vertrouwd-{#AppVersion}-setup
OutputDir=..\..\dist
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; A running Vertrouwd is asked to close (it locks its vault on close) before files are replaced.
CloseApplications=yes
RestartApplications=no
UninstallDisplayIcon={app}\Vertrouwd.exe
UninstallDisplayName=Vertrouwd
; Code signing (packaging/README.md): define SignTool "vertrouwd=signtool sign /fd sha256 /tr ... $f" in the
; IDE or pass /Svertrouwd=... to iscc, then uncomment:
; SignTool=vertrouwd
; SignedUninstaller=yes

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade starts from a clean program folder, so no file of an older version lingers in _internal.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Vertrouwd"; Filename: "{app}\Vertrouwd.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\Vertrouwd"; Filename: "{app}\Vertrouwd.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\Vertrouwd.exe"; Description: "{cm:LaunchProgram,Vertrouwd}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folders, on purpose: uninstalling must never remove a vault.
