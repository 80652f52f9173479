; Inno Setup 6 script (UTF-8 with a byte-order mark, so the Chinese names survive): installer for the Windows folder bundle dist\lianluo-desk\ that
; packaging\lianluo-desk.spec builds on Windows (README: "Windows"). Not built or tested
; by this project's CI. Compile with: iscc packaging\windows\lianluo-desk.iss
; (ISCC gets /DAppVersion=x.y.z to name another version.)

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5C0E2D7A-3B44-4E51-9A1F-6D7C2B8E4F10}
AppName=联络动态编辑排版
AppVersion={#AppVersion}
AppPublisher=lianluo-desk
DefaultDirName={autopf}\lianluo-desk
DefaultGroupName=联络动态编辑排版
; an editor without administrator rights installs for herself
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=lianluo-desk-{#AppVersion}-setup
SetupIconFile=build\icons\lianluo-desk.ico
UninstallDisplayIcon={app}\lianluo-desk.exe
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; the whole bundle: the programs, Python, Qt, fonts, templates and the sample
Source: "dist\lianluo-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\联络动态编辑排版"; Filename: "{app}\lianluo-desk.exe"
Name: "{group}\{cm:UninstallProgram,联络动态编辑排版}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\联络动态编辑排版"; Filename: "{app}\lianluo-desk.exe"; Tasks: desktopicon

[Registry]
; issue files (.lld) open in the app on a double-click; .json stays with its own program
Root: HKA; Subkey: "Software\Classes\.lld"; ValueType: string; ValueName: ""; ValueData: "LianluoDesk.Issue"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\LianluoDesk.Issue"; ValueType: string; ValueName: ""; ValueData: "联络动态刊物文件"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\LianluoDesk.Issue\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\lianluo-desk.exe,0"
Root: HKA; Subkey: "Software\Classes\LianluoDesk.Issue\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\lianluo-desk.exe"" ""%1"""

[Run]
Filename: "{app}\lianluo-desk.exe"; Description: "{cm:LaunchProgram,联络动态编辑排版}"; Flags: nowait postinstall skipifsilent
