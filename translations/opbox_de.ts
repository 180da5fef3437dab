<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AdminCommandRunner</name>
    <message numerus="yes">
        <source>%n secret(s) re-encrypted. Set OPBOX_MASTER_KEY to the key above before the next start; the old key opens nothing any more.</source>
        <translation>
            <numerusform>%n Geheimnis neu verschlüsselt. Setzen Sie OPBOX_MASTER_KEY vor dem nächsten Start auf den Schlüssel oben; der alte Schlüssel öffnet nichts mehr.</numerusform>
            <numerusform>%n Geheimnisse neu verschlüsselt. Setzen Sie OPBOX_MASTER_KEY vor dem nächsten Start auf den Schlüssel oben; der alte Schlüssel öffnet nichts mehr.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) re-encrypted; the new master key is in the system keychain.</source>
        <translation>
            <numerusform>%n Geheimnis neu verschlüsselt; der neue Hauptschlüssel liegt im Schlüsselbund des Systems.</numerusform>
            <numerusform>%n Geheimnisse neu verschlüsselt; der neue Hauptschlüssel liegt im Schlüsselbund des Systems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) re-encrypted; the new master key is in %1.</source>
        <translation>
            <numerusform>%n Geheimnis neu verschlüsselt; der neue Hauptschlüssel liegt in %1.</numerusform>
            <numerusform>%n Geheimnisse neu verschlüsselt; der neue Hauptschlüssel liegt in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is in use by process %2 (a server or the desktop app); stop it before rotating the key.</source>
        <translation>%1 wird von Prozess %2 verwendet (einem Server oder der Desktop-App); beenden Sie ihn, bevor Sie den Schlüssel wechseln.</translation>
    </message>
</context>
<context>
    <name>ConnectorTypeRegistry</name>
    <message>
        <source>API base URL</source>
        <translation>API-Basis-URL</translation>
    </message>
    <message>
        <source>Leave empty for the provider&apos;s own API.</source>
        <translation>Leer lassen für die API des Anbieters.</translation>
    </message>
    <message>
        <source>OAuth base URL</source>
        <translation>OAuth-Basis-URL</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Account ID (discovered)</source>
        <translation>Konto-ID (wird ermittelt)</translation>
    </message>
    <message>
        <source>Agent email</source>
        <translation>E-Mail-Adresse des Agenten</translation>
    </message>
    <message>
        <source>App secret (for inbound webhooks)</source>
        <translation>App-Geheimnis (für eingehende Webhooks)</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <source>Company numbers</source>
        <translation>Firmennummern</translation>
    </message>
    <message>
        <source>Integration key (client ID)</source>
        <translation>Integrationsschlüssel (Client-ID)</translation>
    </message>
    <message>
        <source>Personal access token</source>
        <translation>Persönliches Zugriffstoken</translation>
    </message>
    <message>
        <source>Private app token</source>
        <translation>Token der privaten App</translation>
    </message>
    <message>
        <source>Repositories (owner/name; empty: all of the token&apos;s)</source>
        <translation>Repositorys (Besitzer/Name; leer: alle des Tokens)</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <source>Subdomain (&lt;subdomain&gt;.zendesk.com)</source>
        <translation>Subdomain (&lt;subdomain&gt;.zendesk.com)</translation>
    </message>
    <message>
        <source>System-user access token</source>
        <translation>Zugriffstoken des Systembenutzers</translation>
    </message>
    <message>
        <source>Tenant ID (discovered)</source>
        <translation>Mandanten-ID (wird ermittelt)</translation>
    </message>
    <message>
        <source>Webhook verify token</source>
        <translation>Webhook-Prüftoken</translation>
    </message>
    <message>
        <source>WhatsApp Business Account ID</source>
        <translation>WhatsApp-Business-Konto-ID</translation>
    </message>
    <message>
        <source>Workspace GID (empty: every workspace)</source>
        <translation>Workspace-GID (leer: alle Workspaces)</translation>
    </message>
    <message>
        <source>a workspace GID (its number, e.g. 1201234567890, not its web address)</source>
        <translation>eine Workspace-GID (ihre Nummer, z. B. 1201234567890, nicht ihre Webadresse)</translation>
    </message>
    <message>
        <source>a company number (8 letters or digits, e.g. 00445790 or SC123456)</source>
        <translation>eine Firmennummer (8 Buchstaben oder Ziffern, z. B. 00445790 oder SC123456)</translation>
    </message>
    <message>
        <source>owner/name (e.g. octocat/hello-world)</source>
        <translation>Besitzer/Name (z. B. octocat/hello-world)</translation>
    </message>
</context>
<context>
    <name>DemoSandbox</name>
    <message>
        <source>the sandbox announced a service in a form it does not know: %1</source>
        <translation>die Sandbox hat einen Dienst in einer unbekannten Form gemeldet: %1</translation>
    </message>
    <message>
        <source>the sandbox %1 did not start: %2</source>
        <translation>die Sandbox %1 ist nicht gestartet: %2</translation>
    </message>
    <message>
        <source>the sandbox %1 did not announce its services</source>
        <translation>die Sandbox %1 hat ihre Dienste nicht gemeldet</translation>
    </message>
    <message>
        <source>the OAuth service is not running</source>
        <translation>der OAuth-Dienst läuft nicht</translation>
    </message>
    <message>
        <source>the sandbox provider answered %1 without a redirect</source>
        <translation>der Sandbox-Anbieter hat %1 ohne Weiterleitung beantwortet</translation>
    </message>
    <message>
        <source>the sandbox provider refused the authorization: %1</source>
        <translation>der Sandbox-Anbieter hat die Autorisierung abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>CRM Platform</source>
        <translation>CRM-Plattform</translation>
    </message>
    <message>
        <source>Accounting Software</source>
        <translation>Buchhaltungssoftware</translation>
    </message>
    <message>
        <source>Project Management</source>
        <translation>Projektmanagement</translation>
    </message>
    <message>
        <source>Scheduling Platform</source>
        <translation>Terminplanung</translation>
    </message>
    <message>
        <source>Document Signing</source>
        <translation>Dokumentensignatur</translation>
    </message>
    <message>
        <source>Meeting Transcription</source>
        <translation>Besprechungsprotokolle</translation>
    </message>
    <message>
        <source>Customer Support</source>
        <translation>Kundensupport</translation>
    </message>
    <message>
        <source>WhatsApp Messaging</source>
        <translation>WhatsApp-Nachrichten</translation>
    </message>
    <message>
        <source>Registry Service</source>
        <translation>Registerdienst</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Accounting</source>
        <translation>Buchhaltung</translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation>Terminplanung</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Besprechungen</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Messaging</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>in a moment</source>
        <translation>gleich</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n Stunde</numerusform>
            <numerusform>in %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>Alle synchronisieren</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorisierung</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Manual only</source>
        <translation>Nur manuell</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>API key or token</source>
        <translation>API-Schlüssel oder Token</translation>
    </message>
    <message>
        <source>User name and token</source>
        <translation>Benutzername und Token</translation>
    </message>
    <message>
        <source>OAuth 2.0 sign-in</source>
        <translation>OAuth-2.0-Anmeldung</translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation>Ja/Nein</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>Ganzzahl</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>List (JSON)</source>
        <translation>Liste (JSON)</translation>
    </message>
    <message>
        <source>Connection created</source>
        <translation>Verbindung angelegt</translation>
    </message>
    <message>
        <source>Connection changed</source>
        <translation>Verbindung geändert</translation>
    </message>
    <message>
        <source>Connection deleted</source>
        <translation>Verbindung gelöscht</translation>
    </message>
    <message>
        <source>Cursor reset</source>
        <translation>Cursor zurückgesetzt</translation>
    </message>
    <message>
        <source>Variant created</source>
        <translation>Variante angelegt</translation>
    </message>
    <message>
        <source>Secret revealed</source>
        <translation>Geheimnis angezeigt</translation>
    </message>
    <message>
        <source>Authorization started</source>
        <translation>Autorisierung begonnen</translation>
    </message>
    <message>
        <source>Authorization completed</source>
        <translation>Autorisierung abgeschlossen</translation>
    </message>
    <message>
        <source>Sync started</source>
        <translation>Synchronisation gestartet</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>Synchronisation gestoppt</translation>
    </message>
    <message>
        <source>All connections synced</source>
        <translation>Alle Verbindungen synchronisiert</translation>
    </message>
    <message>
        <source>API token created</source>
        <translation>API-Token erstellt</translation>
    </message>
    <message>
        <source>Membership changed</source>
        <translation>Mitgliedschaft geändert</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>Das Datenverzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>environment variable OPBOX_MASTER_KEY</source>
        <translation>Umgebungsvariable OPBOX_MASTER_KEY</translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>file %1/master.key</source>
        <translation>Datei %1/master.key</translation>
    </message>
</context>
<context>
    <name>Opbox</name>
    <message>
        <source>cannot open the window on the display (%1); use --server to run headless</source>
        <translation>das Fenster kann auf der Anzeige nicht geöffnet werden (%1); mit --server läuft das Programm ohne Oberfläche</translation>
    </message>
    <message>
        <source>Usage:
  opbox-pipelines                      start the desktop application
  opbox-pipelines --server [options]   run headless: API server, scheduler, workers
      --listen HOST:PORT   address to serve on (default 127.0.0.1:8787)
      --data-dir DIR       data directory (default: $OPBOX_DATA_DIR, else the user&apos;s data dir)
      --public-url URL     base of webhook and OAuth redirect URLs (default http://HOST:PORT)
      --workers N          concurrent sync runs (default 4)
      --demo               also start the sandbox services and a demo workspace
      --allow-private-hosts  let connections reach loopback, private and link-local addresses
                           (also env OPBOX_ALLOW_PRIVATE_HOSTS=1; needed for local test services)
  opbox-pipelines token create --user EMAIL [--name NAME] [--role OWNER|ADMIN|MEMBER|VIEWER]
                               [--workspace NAME] [--data-dir DIR]
                               [--expires-in DAYS]
                                       create user/workspace/membership if missing, print a new API token
  opbox-pipelines token list [--user EMAIL] [--data-dir DIR]
                                       one line per token: id, user, name, first 8 characters,
                                       created, last used, expires
  opbox-pipelines token revoke ID [--data-dir DIR]
                                       revoke a token (exit 1 for an unknown id)
  opbox-pipelines key rotate [--data-dir DIR]
                                       with the server stopped: a new master key, every secret
                                       re-encrypted under it
  opbox-pipelines --version | --help

Exit codes: 0 ok, 1 runtime failure, 2 usage error.
</source>
        <translation>Aufruf:
  opbox-pipelines                      die Desktop-Anwendung starten
  opbox-pipelines --server [Optionen]  ohne Fenster laufen: API-Server, Zeitplaner, Worker
      --listen HOST:PORT   Adresse, unter der der Server erreichbar ist (Standard 127.0.0.1:8787)
      --data-dir DIR       Datenverzeichnis (Standard: $OPBOX_DATA_DIR, sonst das Datenverzeichnis des Benutzers)
      --public-url URL     Basis der Webhook- und OAuth-Weiterleitungs-URLs (Standard http://HOST:PORT)
      --workers N          gleichzeitige Synchronisationen (Standard 4)
      --demo               zusätzlich die Sandbox-Dienste und einen Demo-Workspace starten
      --allow-private-hosts  Verbindungen zu Loopback-, privaten und Link-Local-Adressen erlauben
                           (auch per OPBOX_ALLOW_PRIVATE_HOSTS=1; nötig für lokale Testdienste)
  opbox-pipelines token create --user EMAIL [--name NAME] [--role OWNER|ADMIN|MEMBER|VIEWER]
                               [--workspace NAME] [--data-dir DIR]
                               [--expires-in DAYS]
                                       Benutzer/Workspace/Mitgliedschaft anlegen, falls nötig, und ein neues API-Token ausgeben
  opbox-pipelines token list [--user EMAIL] [--data-dir DIR]
                                       eine Zeile je Token: ID, Benutzer, Name, erste 8 Zeichen,
                                       erstellt, zuletzt benutzt, läuft ab
  opbox-pipelines token revoke ID [--data-dir DIR]
                                       ein Token widerrufen (Exit-Code 1 bei unbekannter ID)
  opbox-pipelines key rotate [--data-dir DIR]
                                       bei gestopptem Server: ein neuer Hauptschlüssel, jedes Geheimnis
                                       damit neu verschlüsselt
  opbox-pipelines --version | --help

Exit-Codes: 0 in Ordnung, 1 Laufzeitfehler, 2 Aufruffehler.
</translation>
    </message>
</context>
<context>
    <name>Opbox::ActivityListModel</name>
    <message>
        <source>Sync completed: %1</source>
        <translation>Synchronisierung abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>Synchronisierung angehalten: %1</translation>
    </message>
    <message>
        <source>Syncing %1</source>
        <translation>%1 wird synchronisiert</translation>
    </message>
    <message>
        <source>The sync failed.</source>
        <translation>Die Synchronisierung ist fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) synced (%1 new, %2 updated).</source>
        <translation>
            <numerusform>%n Zeile synchronisiert (%1 neu, %2 aktualisiert).</numerusform>
            <numerusform>%n Zeilen synchronisiert (%1 neu, %2 aktualisiert).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — started %2</source>
        <translation>%1 — gestartet %2</translation>
    </message>
    <message>
        <source>%1 — started %2
%3</source>
        <translation>%1 — gestartet %2
%3</translation>
    </message>
</context>
<context>
    <name>Opbox::ApiServerController</name>
    <message>
        <source>port %1 on %2 is in use or not available</source>
        <translation>Port %1 auf %2 ist belegt oder nicht verfügbar</translation>
    </message>
    <message>
        <source>API server: %1</source>
        <translation>API-Server: %1</translation>
    </message>
    <message>
        <source>API server: off</source>
        <translation>API-Server: aus</translation>
    </message>
    <message>
        <source>API server not running: %1</source>
        <translation>API-Server läuft nicht: %1</translation>
    </message>
    <message>
        <source>API server: starting…</source>
        <translation>API-Server: startet …</translation>
    </message>
</context>
<context>
    <name>Opbox::AuditLogDialog</name>
    <message>
        <source>Audit Log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Show actions</source>
        <translation>Aktionen anzeigen</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Protokolleinträge</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Search who, what, target or details</source>
        <translation>Nach Wer, Was, Ziel oder Details suchen</translation>
    </message>
    <message>
        <source>Search the audit log</source>
        <translation>Das Prüfprotokoll durchsuchen</translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation>Su&amp;chen:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Zwischen …</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Von Datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Bis Datum</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>Export the audit log as CSV</source>
        <translation>Das Prüfprotokoll als CSV exportieren</translation>
    </message>
    <message>
        <source>Save the events shown as a CSV file</source>
        <translation>Die angezeigten Ereignisse als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Export Audit Log</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported to %1</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::AuditLogModel</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Removed user</source>
        <translation>Entfernter Benutzer</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <source>A run</source>
        <translation>Ein Lauf</translation>
    </message>
    <message>
        <source>Run of %1</source>
        <translation>Lauf von %1</translation>
    </message>
</context>
<context>
    <name>Opbox::CommandLine</name>
    <message>
        <source>unknown token command (expected: token create|list|revoke)</source>
        <translation>unbekannter token-Befehl (erwartet: token create|list|revoke)</translation>
    </message>
    <message>
        <source>unknown key command (expected: key rotate)</source>
        <translation>unbekannter key-Befehl (erwartet: key rotate)</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--data-dir needs a directory</source>
        <translation>--data-dir braucht ein Verzeichnis</translation>
    </message>
    <message>
        <source>token revoke needs the id of a token (see token list)</source>
        <translation>token revoke braucht die ID eines Tokens (siehe token list)</translation>
    </message>
    <message>
        <source>--user: &quot;%1&quot; is not an email address</source>
        <translation>--user: „%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>--expires-in: &quot;%1&quot; is not a number of days from 1 to 3650</source>
        <translation>--expires-in: „%1“ ist keine Anzahl von Tagen zwischen 1 und 3650</translation>
    </message>
    <message>
        <source>token create needs --user EMAIL</source>
        <translation>token create braucht --user EMAIL</translation>
    </message>
    <message>
        <source>--role: &quot;%1&quot; is not one of OWNER, ADMIN, MEMBER, VIEWER</source>
        <translation>--role: „%1“ ist keiner von OWNER, ADMIN, MEMBER, VIEWER</translation>
    </message>
    <message>
        <source>--workspace needs a name</source>
        <translation>--workspace braucht einen Namen</translation>
    </message>
    <message>
        <source>--listen: &quot;%1&quot; is not HOST:PORT (for example 127.0.0.1:8787)</source>
        <translation>--listen: „%1“ ist nicht HOST:PORT (zum Beispiel 127.0.0.1:8787)</translation>
    </message>
    <message>
        <source>--workers: &quot;%1&quot; is not a number from 1 to 64</source>
        <translation>--workers: „%1“ ist keine Zahl von 1 bis 64</translation>
    </message>
    <message>
        <source>--public-url: &quot;%1&quot; is not an http(s) URL</source>
        <translation>--public-url: „%1“ ist keine http(s)-URL</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionActionController</name>
    <message>
        <source>Connection &quot;%1&quot; created.</source>
        <translation>Verbindung „%1“ angelegt.</translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot;?</source>
        <translation>Die Verbindung „%1“ löschen?</translation>
    </message>
    <message>
        <source>Its credentials, runs and webhook URL are removed. Synced Opbox tables are kept.</source>
        <translation>Zugangsdaten, Läufe und Webhook-URL werden entfernt. Synchronisierte Opbox-Tabellen bleiben erhalten.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Connection &quot;%1&quot; deleted.</source>
        <translation>Verbindung „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>A sync of &quot;%1&quot; is already running.</source>
        <translation>Eine Synchronisation von „%1“ läuft bereits.</translation>
    </message>
    <message>
        <source>Sync of &quot;%1&quot; started.</source>
        <translation>Synchronisation von „%1“ gestartet.</translation>
    </message>
    <message>
        <source>No sync is running.</source>
        <translation>Es läuft keine Synchronisation.</translation>
    </message>
    <message>
        <source>Sync stopped; what it had saved is kept.</source>
        <translation>Synchronisation gestoppt; bereits Gespeichertes bleibt erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n sync(s) started.</source>
        <translation>
            <numerusform>%n Synchronisation gestartet.</numerusform>
            <numerusform>%n Synchronisationen gestartet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Others are disabled or already running.</source>
        <translation>Andere sind deaktiviert oder laufen bereits.</translation>
    </message>
    <message>
        <source>Variant created.</source>
        <translation>Variante angelegt.</translation>
    </message>
    <message>
        <source>Authorized.</source>
        <translation>Autorisiert.</translation>
    </message>
    <message>
        <source>Connection saved.</source>
        <translation>Verbindung gespeichert.</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionDetailWidget</name>
    <message>
        <source>Connection name</source>
        <translation>Name der Verbindung</translation>
    </message>
    <message>
        <source>Connection type and status</source>
        <translation>Typ und Status der Verbindung</translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation>Details der Verbindung</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · variant %2</source>
        <translation>%1 · Variante %2</translation>
    </message>
    <message>
        <source>S&amp;treams</source>
        <translation>S&amp;treams</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>L&amp;äufe</translation>
    </message>
    <message>
        <source>T&amp;ables</source>
        <translation>Ta&amp;bellen</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionEditDialog</name>
    <message>
        <source>Why the connection was not saved</source>
        <translation>Warum die Verbindung nicht gespeichert wurde</translation>
    </message>
    <message>
        <source>Edit Connection</source>
        <translation>Verbindung bearbeiten</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Name der Verbindung</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Replace the credentials</source>
        <translation>Zugangsdaten ersetzen</translation>
    </message>
    <message>
        <source>A field left empty keeps its stored value. New values are encrypted, never shown again, and checked with %1 at the next sync or check.</source>
        <translation>Ein leer gelassenes Feld behält seinen gespeicherten Wert. Neue Werte werden verschlüsselt, nie wieder angezeigt und bei der nächsten Synchronisierung oder Prüfung mit %1 geprüft.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>This connection signs in to %1 with OAuth: use Authorize to connect it to another account.</source>
        <translation>Diese Verbindung meldet sich per OAuth bei %1 an: Mit „Autorisieren“ verbinden Sie sie mit einem anderen Konto.</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>The connection was not saved: %1</source>
        <translation>Die Verbindung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Streams read at once</source>
        <translation>Gleichzeitig gelesene Streams</translation>
    </message>
    <message>
        <source>How many streams, and parts of a stream such as the tickets of each project, a sync reads at the same time. 1 reads one request after another.</source>
        <translation>Wie viele Streams und Teile eines Streams, etwa die Tickets jedes Projekts, eine Synchronisierung gleichzeitig liest. 1 liest eine Anfrage nach der anderen.</translation>
    </message>
    <message>
        <source>Streams &amp;read at once:</source>
        <translation>Gleichzeitig &amp;gelesene Streams:</translation>
    </message>
    <message>
        <source>Sync a&amp;utomatically</source>
        <translation>A&amp;utomatisch synchronisieren</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>Automatisch synchronisieren</translation>
    </message>
    <message>
        <source>Schedule frequency</source>
        <translation>Häufigkeit des Zeitplans</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Zeitplan:</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionListModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1, %2 connection</source>
        <translation>%1, Verbindung vom Typ %2</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Nicht geplant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>A variant of &quot;%1&quot; with a copy of its credentials: Check Now or its first sync connects it.</source>
        <translation>Eine Variante von „%1“ mit einer Kopie ihrer Zugangsdaten: „Jetzt prüfen“ oder die erste Synchronisierung verbindet sie.</translation>
    </message>
    <message>
        <source>%1 — %2, variant %3</source>
        <translation>%1 — %2, Variante %3</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionListView</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionOverviewWidget</name>
    <message>
        <source>Connection status</source>
        <translation>Status der Verbindung</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>Statusmeldung</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Meldung:</translation>
    </message>
    <message>
        <source>Connector type</source>
        <translation>Konnektortyp</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation>Variante:</translation>
    </message>
    <message>
        <source>Connection enabled</source>
        <translation>Verbindung aktiviert</translation>
    </message>
    <message>
        <source>Syncing:</source>
        <translation>Synchronisation:</translation>
    </message>
    <message>
        <source>Sync &amp;automatically</source>
        <translation>&amp;Automatisch synchronisieren</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>Automatisch synchronisieren</translation>
    </message>
    <message>
        <source>Schedule frequency</source>
        <translation>Häufigkeit</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Zeitplan:</translation>
    </message>
    <message>
        <source>Notified people</source>
        <translation>Benachrichtigte Personen</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>Ä&amp;ndern …</translation>
    </message>
    <message>
        <source>Change who is notified</source>
        <translation>Ändern, wer benachrichtigt wird</translation>
    </message>
    <message>
        <source>Notify:</source>
        <translation>Benachrichtigen:</translation>
    </message>
    <message>
        <source>Stored credentials</source>
        <translation>Gespeicherte Zugangsdaten</translation>
    </message>
    <message>
        <source>Credentials:</source>
        <translation>Zugangsdaten:</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <source>Created and updated</source>
        <translation>Angelegt und geändert</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Angelegt:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>None (not part of a variant group)</source>
        <translation>Keine (gehört zu keiner Variantengruppe)</translation>
    </message>
    <message>
        <source>Label &quot;%1&quot;</source>
        <translation>Bezeichnung „%1“</translation>
    </message>
    <message>
        <source>%1: stored, encrypted</source>
        <translation>%1: gespeichert, verschlüsselt</translation>
    </message>
    <message>
        <source>None stored</source>
        <translation>Keine gespeichert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Standardwerte</translation>
    </message>
    <message>
        <source>%1 (last changed %2)</source>
        <translation>%1 (zuletzt geändert %2)</translation>
    </message>
    <message>
        <source>All workspace members (filtered by their preferences)</source>
        <translation>Alle Mitglieder des Workspace (nach ihren Einstellungen)</translation>
    </message>
    <message>
        <source>Connection overview</source>
        <translation>Übersicht der Verbindung</translation>
    </message>
    <message>
        <source>Chec&amp;k Now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>Check the connection with the provider</source>
        <translation>Die Verbindung beim Anbieter prüfen</translation>
    </message>
    <message>
        <source>Validate the stored credentials with one cheap call to the provider</source>
        <translation>Prüft die gespeicherten Zugangsdaten mit einem einfachen Aufruf beim Anbieter</translation>
    </message>
    <message>
        <source>&amp;Reveal Webhook URL</source>
        <translation>Webhook-URL an&amp;zeigen</translation>
    </message>
    <message>
        <source>Reveal the webhook URL</source>
        <translation>Die Webhook-URL anzeigen</translation>
    </message>
    <message>
        <source>Shows the secret URL that starts a sync of this connection; the reveal is audit-logged</source>
        <translation>Zeigt die geheime URL, die eine Synchronisation dieser Verbindung startet; das Anzeigen wird protokolliert</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <source>Copy the webhook URL</source>
        <translation>Die Webhook-URL kopieren</translation>
    </message>
    <message>
        <source>Example call</source>
        <translation>Beispielaufruf</translation>
    </message>
    <message>
        <source>Webhook:</source>
        <translation>Webhook:</translation>
    </message>
    <message>
        <source>Webhook URL copied.</source>
        <translation>Webhook-URL kopiert.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Connection works: %1</source>
        <translation>Verbindung funktioniert: %1</translation>
    </message>
    <message>
        <source>Connection check failed: %1</source>
        <translation>Prüfung der Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>Akti&amp;viert</translation>
    </message>
    <message>
        <source>Scheduled, webhook and run-all syncs may start.</source>
        <translation>Geplante, Webhook- und Sammel-Synchronisationen dürfen starten.</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionSettingsForm</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>Problem mit den Einstellungen</translation>
    </message>
    <message>
        <source>Several values, separated by commas</source>
        <translation>Mehrere Werte, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>https://… (leave empty for the provider&apos;s own service)</source>
        <translation>https://… (leer lassen für den Dienst des Anbieters)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>%1 *:</source>
        <translation>%1 *:</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required.</source>
        <translation>„%1“ ist erforderlich.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an http:// or https:// address.</source>
        <translation>„%1“ muss eine http://- oder https://-Adresse sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: &quot;%2&quot; is not %3.</source>
        <translation>„%1“: „%2“ ist nicht %3.</translation>
    </message>
    <message>
        <source>in the expected form</source>
        <translation>in der erwarteten Form</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Check the details, then create the connection.</source>
        <translation>Prüfen Sie die Angaben und legen Sie dann die Verbindung an.</translation>
    </message>
    <message>
        <source>Summary of the new connection</source>
        <translation>Zusammenfassung der neuen Verbindung</translation>
    </message>
    <message>
        <source>Why the connection could not be created</source>
        <translation>Warum die Verbindung nicht angelegt werden konnte</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>All workspace members</source>
        <translation>Alle Mitglieder des Workspace</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>%1 (stored encrypted)</source>
        <translation>%1 (verschlüsselt gespeichert)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Streams</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Benachrichtigen</translation>
    </message>
    <message>
        <source>The connection could not be created: %1</source>
        <translation>Die Verbindung konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Discovered after the sign-in</source>
        <translation>Werden nach der Anmeldung ermittelt</translation>
    </message>
    <message>
        <source>All streams</source>
        <translation>Alle Streams</translation>
    </message>
    <message>
        <source>%1
First sync now</source>
        <translation>%1
Erste Synchronisation sofort</translation>
    </message>
    <message>
        <source>%1
No sync until you start one or the schedule does</source>
        <translation>%1
Keine Synchronisation, bis Sie oder der Zeitplan eine starten</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionTestPage</name>
    <message>
        <source>Test &amp;Again</source>
        <translation>Erneut &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Save the connection without a successful test</source>
        <translation>Verbindung ohne erfolgreichen Test &amp;speichern</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Opbox Pipelines asks the provider whether these credentials work. Nothing is saved yet.</source>
        <translation>Opbox Pipelines fragt den Anbieter, ob diese Zugangsdaten funktionieren. Noch wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Testergebnis</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>Test läuft</translation>
    </message>
    <message>
        <source>Test the credentials again</source>
        <translation>Die Zugangsdaten erneut testen</translation>
    </message>
    <message>
        <source>Save the connection without a successful test</source>
        <translation>Verbindung ohne erfolgreichen Test speichern</translation>
    </message>
    <message>
        <source>For example when the provider cannot be reached from here right now.</source>
        <translation>Zum Beispiel, wenn der Anbieter von hier aus gerade nicht erreichbar ist.</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>%1 wird gefragt …</translation>
    </message>
    <message>
        <source>The credentials work. The provider says: %1</source>
        <translation>Die Zugangsdaten funktionieren. Der Anbieter meldet: %1</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Der Test ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectorBuilderActions</name>
    <message>
        <source>REST API with a bearer token (minimal)</source>
        <translation>REST-API mit Bearer-Token (minimal)</translation>
    </message>
    <message>
        <source>Pipedrive (API token in the query, cursor pages)</source>
        <translation>Pipedrive (API-Token in der Abfrage, Cursor-Seiten)</translation>
    </message>
    <message>
        <source>Stripe (bearer secret key, starting_after pages)</source>
        <translation>Stripe (geheimer Bearer-Schlüssel, starting_after-Seiten)</translation>
    </message>
    <message>
        <source>not valid JSON here: %1</source>
        <translation>hier kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>a manifest is a JSON object: write { … } around its keys</source>
        <translation>ein Manifest ist ein JSON-Objekt: schreiben Sie { … } um seine Schlüssel</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectorBuilderDialog</name>
    <message>
        <source>Why the last action failed</source>
        <translation>Warum die letzte Aktion fehlschlug</translation>
    </message>
    <message>
        <source>&amp;New from template</source>
        <translation>&amp;Neu aus Vorlage</translation>
    </message>
    <message>
        <source>&amp;Open installed</source>
        <translation>Installierten ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Test read</source>
        <translation>Pro&amp;belesen</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Installieren</translation>
    </message>
    <message>
        <source>Connector Builder</source>
        <translation>Connector-Baukasten</translation>
    </message>
    <message>
        <source>Start from a template (Undo brings the current text back)</source>
        <translation>Mit einer Vorlage beginnen (Rückgängig holt den aktuellen Text zurück)</translation>
    </message>
    <message>
        <source>Edit a connector type you installed</source>
        <translation>Einen von Ihnen installierten Connector-Typ bearbeiten</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Cr&amp;edentials</source>
        <translation>Zugangs&amp;daten</translation>
    </message>
    <message>
        <source>Test re&amp;sults</source>
        <translation>Ergebnisse des Probe&amp;lesens</translation>
    </message>
    <message>
        <source>Read at most 5 pages or 100 records of each stream; nothing is stored</source>
        <translation>Höchstens 5 Seiten oder 100 Datensätze je Stream lesen; nichts wird gespeichert</translation>
    </message>
    <message>
        <source>Install the connector type; New Connection offers it at once</source>
        <translation>Den Connector-Typ installieren; „Neue Verbindung“ bietet ihn sofort an</translation>
    </message>
    <message>
        <source>No connector types installed yet</source>
        <translation>Noch keine Connector-Typen installiert</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Line %1, %2</source>
        <translation>Zeile %1, %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Problems: none</source>
        <translation>&amp;Probleme: keine</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Problems (%n)</source>
        <translation>
            <numerusform>&amp;Probleme (%n)</numerusform>
            <numerusform>&amp;Probleme (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is valid.</source>
        <translation>%1 ist gültig.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before a test read or install.</source>
        <translation>
            <numerusform>%n Problem vor dem Probelesen oder Installieren zu beheben.</numerusform>
            <numerusform>%n Probleme vor dem Probelesen oder Installieren zu beheben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading a few pages of each stream…</source>
        <translation>Einige Seiten jedes Streams werden gelesen …</translation>
    </message>
    <message>
        <source>The test read failed.</source>
        <translation>Das Probelesen ist fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>Test read done: %n stream(s) failed.</source>
        <translation>
            <numerusform>Probelesen fertig: %n Stream fehlgeschlagen.</numerusform>
            <numerusform>Probelesen fertig: %n Streams fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Test read done: %n stream(s) read.</source>
        <translation>
            <numerusform>Probelesen fertig: %n Stream gelesen.</numerusform>
            <numerusform>Probelesen fertig: %n Streams gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is installed: New Connection offers it now.</source>
        <translation>%1 ist installiert: „Neue Verbindung“ bietet ihn jetzt an.</translation>
    </message>
    <message>
        <source>Only the installation&apos;s owner can install connector types</source>
        <translation>Nur der Eigentümer der Installation kann Connector-Typen installieren</translation>
    </message>
    <message>
        <source>Values for the test read</source>
        <translation>Werte für das Probelesen</translation>
    </message>
    <message>
        <source>Credentials and test results</source>
        <translation>Zugangsdaten und Ergebnisse des Probelesens</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectorBuilderForm</name>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>The test read uses these values; they are not stored. The fields are the ones the manifest declares under &quot;credentials&quot; and &quot;config&quot;.</source>
        <translation>Das Probelesen verwendet diese Werte; sie werden nicht gespeichert. Die Felder sind die, die das Manifest unter „credentials“ und „config“ angibt.</translation>
    </message>
    <message>
        <source>The manifest declares no fields here.</source>
        <translation>Das Manifest gibt hier keine Felder an.</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>values separated by commas</source>
        <translation>Werte, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectorBuilderTestReadWidget</name>
    <message>
        <source>Why the stream could not be read</source>
        <translation>Warum der Stream nicht gelesen werden konnte</translation>
    </message>
    <message>
        <source>Strea&amp;m:</source>
        <translation>Strea&amp;m:</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Inferred columns</source>
        <translation>Erkannte Spalten</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Press Test read to read a few pages of each stream (nothing is stored).</source>
        <translation>Drücken Sie „Probelesen“, um einige Seiten jedes Streams zu lesen (nichts wird gespeichert).</translation>
    </message>
    <message>
        <source>%1 (failed)</source>
        <translation>%1 (fehlgeschlagen)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Datensatz</numerusform>
            <numerusform>%n Datensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectorTypeModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — connects to %2 (%3)</source>
        <translation>%1 — verbindet mit %2 (%3)</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectorTypePage</name>
    <message>
        <source>Choose a Service</source>
        <translation>Dienst wählen</translation>
    </message>
    <message>
        <source>Which service should Opbox Pipelines sync data from?</source>
        <translation>Von welchem Dienst soll Opbox Pipelines Daten synchronisieren?</translation>
    </message>
    <message>
        <source>Connector types</source>
        <translation>Konnektortypen</translation>
    </message>
    <message>
        <source>Use the arrow keys to choose a service; categories group them.</source>
        <translation>Wählen Sie mit den Pfeiltasten einen Dienst; Kategorien gruppieren sie.</translation>
    </message>
    <message>
        <source>About the chosen service</source>
        <translation>Über den gewählten Dienst</translation>
    </message>
    <message>
        <source>Choose a service from the list.</source>
        <translation>Wählen Sie einen Dienst aus der Liste.</translation>
    </message>
    <message>
        <source>You sign in to %1 in your browser; Opbox Pipelines stores the tokens encrypted.</source>
        <translation>Sie melden sich im Browser bei %1 an; Opbox Pipelines speichert die Tokens verschlüsselt.</translation>
    </message>
    <message>
        <source>You need credentials from %1; they are stored encrypted and never shown again.</source>
        <translation>Sie benötigen Zugangsdaten von %1; sie werden verschlüsselt gespeichert und nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; connects to &lt;b&gt;%2&lt;/b&gt;.&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; verbindet mit &lt;b&gt;%2&lt;/b&gt;.&lt;br&gt;%3</translation>
    </message>
</context>
<context>
    <name>Opbox::CredentialsPage</name>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Name der Verbindung</translation>
    </message>
    <message>
        <source>Problem with the form</source>
        <translation>Problem im Formular</translation>
    </message>
    <message>
        <source>Enter the OAuth app credentials you registered with %1.</source>
        <translation>Geben Sie die Zugangsdaten der OAuth-App ein, die Sie bei %1 registriert haben.</translation>
    </message>
    <message>
        <source>Enter the credentials for %1. Secrets are encrypted and never shown again.</source>
        <translation>Geben Sie die Zugangsdaten für %1 ein. Geheimnisse werden verschlüsselt und nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>Several values, separated by commas</source>
        <translation>Mehrere Werte, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>https://… (leave empty for the provider&apos;s own service)</source>
        <translation>https://… (leer lassen für den Dienst des Anbieters)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>%1 *:</source>
        <translation>%1 *:</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required.</source>
        <translation>„%1“ ist erforderlich.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs at least one value.</source>
        <translation>„%1“ braucht mindestens einen Wert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an http:// or https:// address.</source>
        <translation>„%1“ muss eine http://- oder https://-Adresse sein.</translation>
    </message>
    <message>
        <source>Connection details form</source>
        <translation>Formular mit den Verbindungsdaten</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>Where to get them, and which permissions (scopes) they need: &lt;a href=&quot;%1&quot;&gt;%2 documentation&lt;/a&gt;</source>
        <translation>Woher Sie sie bekommen und welche Berechtigungen (Scopes) sie brauchen: &lt;a href=&quot;%1&quot;&gt;Dokumentation von %2&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Where to get the credentials</source>
        <translation>Woher die Zugangsdaten kommen</translation>
    </message>
</context>
<context>
    <name>Opbox::CursorChoicePage</name>
    <message>
        <source>Sync the checked streams again &amp;from:</source>
        <translation>Die markierten Streams erneut synchronisieren &amp;ab:</translation>
    </message>
    <message>
        <source>F&amp;ull resync: clear every stream&apos;s cursor</source>
        <translation>&amp;Vollständig neu synchronisieren: alle Cursor löschen</translation>
    </message>
    <message>
        <source>Reset Cursor</source>
        <translation>Cursor zurücksetzen</translation>
    </message>
    <message>
        <source>Streams with their current cursors</source>
        <translation>Streams mit ihren aktuellen Cursorn</translation>
    </message>
    <message>
        <source>Sync the checked streams again from a date</source>
        <translation>Die markierten Streams ab einem Datum erneut synchronisieren</translation>
    </message>
    <message>
        <source>Full resync of every stream</source>
        <translation>Alle Streams vollständig neu synchronisieren</translation>
    </message>
    <message>
        <source>Date and time to sync again from</source>
        <translation>Datum und Uhrzeit, ab denen erneut synchronisiert wird</translation>
    </message>
    <message>
        <source>Incremental streams continue where the last sync stopped (their cursor). Move that point back to fetch older changes again, or start over.</source>
        <translation>Inkrementelle Streams machen dort weiter, wo die letzte Synchronisierung aufgehört hat (ihr Cursor). Setzen Sie diesen Punkt zurück, um ältere Änderungen erneut abzurufen, oder beginnen Sie von vorn.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Skip %n day(s) of changes: what changed between the stored cursor and this date is never synced.</source>
        <translation>
            <numerusform>Änderungen von %n Tag &amp;überspringen: was sich zwischen dem gespeicherten Cursor und diesem Datum geändert hat, wird nie synchronisiert.</numerusform>
            <numerusform>Änderungen von %n Tagen &amp;überspringen: was sich zwischen dem gespeicherten Cursor und diesem Datum geändert hat, wird nie synchronisiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::CursorConfirmPage</name>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>What the reset does</source>
        <translation>Was das Zurücksetzen bewirkt</translation>
    </message>
    <message>
        <source>Why the reset failed</source>
        <translation>Warum das Zurücksetzen fehlschlug</translation>
    </message>
    <message>
        <source>Every stream&apos;s cursor is cleared. The next sync reads all data again; existing rows are updated, none are duplicated.</source>
        <translation>Die Cursor aller Streams werden gelöscht. Die nächste Synchronisation liest alle Daten erneut; vorhandene Zeilen werden aktualisiert, keine wird verdoppelt.</translation>
    </message>
    <message>
        <source>The next sync fetches changes since %1 for:</source>
        <translation>Die nächste Synchronisation holt Änderungen seit %1 für:</translation>
    </message>
    <message>
        <source>• %1 (not synced yet)</source>
        <translation>• %1 (noch nicht synchronisiert)</translation>
    </message>
    <message>
        <source>• %1 (now at %2)</source>
        <translation>• %1 (derzeit bei %2)</translation>
    </message>
    <message>
        <source>The cursor was not reset: %1</source>
        <translation>Der Cursor wurde nicht zurückgesetzt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Changes of %n day(s) before that date are skipped.</source>
        <translation>
            <numerusform>Änderungen von %n Tag vor diesem Datum werden übersprungen.</numerusform>
            <numerusform>Änderungen von %n Tagen vor diesem Datum werden übersprungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::CursorResetWizard</name>
    <message>
        <source>Reset Cursor</source>
        <translation>Cursor zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Every cursor cleared: the next sync reads everything again.</source>
        <translation>Alle Cursor gelöscht: Die nächste Synchronisation liest alles erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%n stream(s) will sync again from %1.</source>
        <translation>
            <numerusform>%n Stream wird ab %1 erneut synchronisiert.</numerusform>
            <numerusform>%n Streams werden ab %1 erneut synchronisiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::DisplayGuard</name>
    <message>
        <source>no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); use --server to run headless</source>
        <translation>keine Anzeige für das Fenster (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt); mit --server läuft das Programm ohne Oberfläche</translation>
    </message>
</context>
<context>
    <name>Opbox::MainWindow</name>
    <message>
        <source>Opbox Pipelines</source>
        <translation>Opbox Pipelines</translation>
    </message>
    <message>
        <source>Opening the vault…</source>
        <translation>Tresor wird geöffnet …</translation>
    </message>
    <message>
        <source>Start-up state</source>
        <translation>Startzustand</translation>
    </message>
    <message>
        <source>API server state</source>
        <translation>Zustand des API-Servers</translation>
    </message>
    <message>
        <source>Master key location</source>
        <translation>Ort des Hauptschlüssels</translation>
    </message>
    <message>
        <source>&amp;New Connection…</source>
        <translation>&amp;Neue Verbindung …</translation>
    </message>
    <message>
        <source>Connect a new service</source>
        <translation>Einen neuen Dienst verbinden</translation>
    </message>
    <message>
        <source>&amp;Delete Connection…</source>
        <translation>Verbindung &amp;löschen …</translation>
    </message>
    <message>
        <source>Delete the selected connection</source>
        <translation>Die ausgewählte Verbindung löschen</translation>
    </message>
    <message>
        <source>&amp;Audit Log</source>
        <translation>&amp;Prüfprotokoll</translation>
    </message>
    <message>
        <source>Who did what in this workspace</source>
        <translation>Wer was in diesem Workspace getan hat</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>API server, workers, key store and notifications</source>
        <translation>API-Server, Worker, Schlüsselspeicher und Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;About Opbox Pipelines</source>
        <translation>&amp;Über Opbox Pipelines</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version und Lizenz</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Stop syncing and quit</source>
        <translation>Synchronisation anhalten und beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to Opbox Pipelines</source>
        <translation>Willkommen bei Opbox Pipelines</translation>
    </message>
    <message>
        <source>Connect a service — a CRM, accounting, support desk or code host — and its data syncs into local Opbox tables that you can browse and export.</source>
        <translation>Verbinden Sie einen Dienst — CRM, Buchhaltung, Support-Desk oder Code-Hoster — und seine Daten werden in lokale Opbox-Tabellen synchronisiert, die Sie durchsuchen und exportieren können.</translation>
    </message>
    <message>
        <source>Create your first &amp;connection…</source>
        <translation>Erste &amp;Verbindung anlegen …</translation>
    </message>
    <message>
        <source>Create your first connection</source>
        <translation>Erste Verbindung anlegen</translation>
    </message>
    <message>
        <source>The app keeps working without the API server.</source>
        <translation>Die Anwendung funktioniert auch ohne den API-Server.</translation>
    </message>
    <message>
        <source>Opbox Pipelines could not start:
%1</source>
        <translation>Opbox Pipelines konnte nicht starten:
%1</translation>
    </message>
    <message>
        <source>Filter connections</source>
        <translation>Verbindungen filtern</translation>
    </message>
    <message>
        <source>Select a connection to see its details.</source>
        <translation>Wählen Sie eine Verbindung, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Master key: %1</source>
        <translation>Hauptschlüssel: %1</translation>
    </message>
    <message>
        <source>Opbox Pipelines — %1</source>
        <translation>Opbox Pipelines — %1</translation>
    </message>
    <message>
        <source>About Opbox Pipelines</source>
        <translation>Über Opbox Pipelines</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Opbox Pipelines %1&lt;/h3&gt;&lt;p&gt;Syncs data from SaaS services into local Opbox tables.&lt;/p&gt;&lt;p&gt;Data directory: %2&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Opbox Pipelines %1&lt;/h3&gt;&lt;p&gt;Synchronisiert Daten aus SaaS-Diensten in lokale Opbox-Tabellen.&lt;/p&gt;&lt;p&gt;Datenverzeichnis: %2&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Run Now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Sync the selected connection now</source>
        <translation>Die ausgewählte Verbindung jetzt synchronisieren</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Stop the running sync of the selected connection</source>
        <translation>Die laufende Synchronisation der ausgewählten Verbindung stoppen</translation>
    </message>
    <message>
        <source>Run &amp;All</source>
        <translation>&amp;Alle synchronisieren</translation>
    </message>
    <message>
        <source>Sync every enabled connection</source>
        <translation>Alle aktivierten Verbindungen synchronisieren</translation>
    </message>
    <message>
        <source>New &amp;Variant…</source>
        <translation>Neue &amp;Variante …</translation>
    </message>
    <message>
        <source>A copy of the selected connection with its own label, schedule and cursors</source>
        <translation>Eine Kopie der ausgewählten Verbindung mit eigener Bezeichnung, eigenem Zeitplan und eigenen Cursorn</translation>
    </message>
    <message>
        <source>Reset &amp;Cursor…</source>
        <translation>&amp;Cursor zurücksetzen …</translation>
    </message>
    <message>
        <source>Re-sync from a date, or everything</source>
        <translation>Ab einem Datum oder alles erneut synchronisieren</translation>
    </message>
    <message>
        <source>Sign in to the provider again (OAuth connections)</source>
        <translation>Erneut beim Anbieter anmelden (OAuth-Verbindungen)</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>Be&amp;nachrichtigungen</translation>
    </message>
    <message>
        <source>Completed and failed syncs</source>
        <translation>Abgeschlossene und fehlgeschlagene Synchronisationen</translation>
    </message>
    <message>
        <source>&amp;Notifications (%1)</source>
        <translation>Be&amp;nachrichtigungen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n ungelesene Benachrichtigung</numerusform>
            <numerusform>%n ungelesene Benachrichtigungen</numerusform>
        </translation>
    </message>
    <message>
        <source>A&amp;uthorize…</source>
        <translation>A&amp;utorisieren …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Rename the selected connection or replace its credentials</source>
        <translation>Die gewählte Verbindung umbenennen oder ihre Zugangsdaten ersetzen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Syncs started here</source>
        <translation>Hier gestartete Synchronisierungen</translation>
    </message>
    <message>
        <source>Ac&amp;tivity</source>
        <translation>Ak&amp;tivität</translation>
    </message>
    <message>
        <source>The syncs started in this window and how they ended</source>
        <translation>Die in diesem Fenster gestarteten Synchronisierungen und wie sie ausgingen</translation>
    </message>
    <message>
        <source>Connector &amp;Builder…</source>
        <translation>Connector-&amp;Baukasten …</translation>
    </message>
    <message>
        <source>Write, test and install a connector type for any REST API</source>
        <translation>Einen Connector-Typ für eine beliebige REST-API schreiben, testen und installieren</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
</context>
<context>
    <name>Opbox::ManifestEditor</name>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>The connector manifest as JSON; lines with problems are marked</source>
        <translation>Das Connector-Manifest als JSON; Zeilen mit Problemen sind markiert</translation>
    </message>
</context>
<context>
    <name>Opbox::MemberListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt; (%3)</source>
        <translation>%1 &lt;%2&gt; (%3)</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
</context>
<context>
    <name>Opbox::NewConnectionWizard</name>
    <message>
        <source>New Connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>Create and &amp;Sign In &gt;</source>
        <translation>Anlegen und an&amp;melden &gt;</translation>
    </message>
</context>
<context>
    <name>Opbox::NotificationListModel</name>
    <message>
        <source>Sync completed: %1</source>
        <translation>Synchronisation abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Syncing %1</source>
        <translation>%1 wird synchronisiert</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>The sync failed.</source>
        <translation>Die Synchronisierung ist fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) synced (%1 new, %2 updated).</source>
        <translation>
            <numerusform>%n Zeile synchronisiert (%1 neu, %2 aktualisiert).</numerusform>
            <numerusform>%n Zeilen synchronisiert (%1 neu, %2 aktualisiert).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) synced so far.</source>
        <translation>
            <numerusform>Bisher %n Zeile synchronisiert.</numerusform>
            <numerusform>Bisher %n Zeilen synchronisiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) synced so far; stream %1 (%2 of %3).</source>
        <translation>
            <numerusform>Bisher %n Zeile synchronisiert; Stream %1 (%2 von %3).</numerusform>
            <numerusform>Bisher %n Zeilen synchronisiert; Stream %1 (%2 von %3).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::NotificationsDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>No notifications. Completed and failed syncs are reported here.</source>
        <translation>Keine Benachrichtigungen. Abgeschlossene und fehlgeschlagene Synchronisationen erscheinen hier.</translation>
    </message>
    <message>
        <source>Mark &amp;all as read</source>
        <translation>&amp;Alle als gelesen markieren</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
</context>
<context>
    <name>Opbox::NotifyRecipientsDialog</name>
    <message>
        <source>Who Is Notified</source>
        <translation>Wer benachrichtigt wird</translation>
    </message>
    <message>
        <source>Completed and failed runs of this connection are reported to:</source>
        <translation>Abgeschlossene und fehlgeschlagene Läufe dieser Verbindung werden gemeldet an:</translation>
    </message>
</context>
<context>
    <name>Opbox::NotifyRecipientsPage</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Who should hear when a sync of this connection completes or fails? The person who starts a sync is not notified about it.</source>
        <translation>Wer soll erfahren, wenn eine Synchronisation dieser Verbindung abgeschlossen ist oder fehlschlägt? Wer eine Synchronisation startet, wird darüber nicht benachrichtigt.</translation>
    </message>
</context>
<context>
    <name>Opbox::NotifyRecipientsWidget</name>
    <message>
        <source>&amp;All workspace members (each filtered by their own preferences)</source>
        <translation>&amp;Alle Mitglieder des Workspace (jeweils nach eigenen Einstellungen)</translation>
    </message>
    <message>
        <source>&amp;Only these people:</source>
        <translation>&amp;Nur diese Personen:</translation>
    </message>
    <message>
        <source>Notify all workspace members</source>
        <translation>Alle Mitglieder des Workspace benachrichtigen</translation>
    </message>
    <message>
        <source>Notify only the checked people</source>
        <translation>Nur die markierten Personen benachrichtigen</translation>
    </message>
    <message>
        <source>Workspace members</source>
        <translation>Mitglieder des Workspace</translation>
    </message>
</context>
<context>
    <name>Opbox::OAuthAuthorizePage</name>
    <message>
        <source>&amp;Open the Sign-in Page Again</source>
        <translation>Anmeldeseite erneut ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Use Code</source>
        <translation>Code &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Allow Opbox Pipelines to read your data in the browser window that opens. This page continues by itself when the provider sends you back.</source>
        <translation>Erlauben Sie Opbox Pipelines im sich öffnenden Browserfenster, Ihre Daten zu lesen. Diese Seite geht von selbst weiter, wenn der Anbieter Sie zurückschickt.</translation>
    </message>
    <message>
        <source>Sign-in state</source>
        <translation>Stand der Anmeldung</translation>
    </message>
    <message>
        <source>Waiting for the sign-in</source>
        <translation>Warten auf die Anmeldung</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>Die Anmeldeseite erneut öffnen</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Adresse der Anmeldung</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Autorisierungscode</translation>
    </message>
    <message>
        <source>Paste the code from the address the browser shows</source>
        <translation>Fügen Sie den Code aus der Adresse ein, die der Browser zeigt</translation>
    </message>
    <message>
        <source>Use the pasted code</source>
        <translation>Den eingefügten Code verwenden</translation>
    </message>
    <message>
        <source>Try the sign-in again</source>
        <translation>Die Anmeldung erneut versuchen</translation>
    </message>
    <message>
        <source>If the browser cannot reach this computer, copy the value of &quot;code&quot; from the address it ends on and paste it here:</source>
        <translation>Wenn der Browser diesen Computer nicht erreicht, kopieren Sie den Wert von „code“ aus der Adresse, bei der er endet, und fügen Sie ihn hier ein:</translation>
    </message>
    <message>
        <source>Connected. The streams were discovered; the connection is ready to sync.</source>
        <translation>Verbunden. Die Streams wurden ermittelt; die Verbindung ist bereit zur Synchronisation.</translation>
    </message>
    <message>
        <source>Connected. The connection is ready to sync.</source>
        <translation>Verbunden. Die Verbindung ist bereit zur Synchronisation.</translation>
    </message>
    <message>
        <source>The provider did not grant access: %1</source>
        <translation>Der Anbieter hat den Zugriff nicht gewährt: %1</translation>
    </message>
    <message>
        <source>Waiting for you to sign in in the browser…</source>
        <translation>Warten, bis Sie sich im Browser anmelden …</translation>
    </message>
    <message>
        <source>No browser could be opened. Open the address below yourself, then paste the code.</source>
        <translation>Es konnte kein Browser geöffnet werden. Öffnen Sie die Adresse unten selbst und fügen Sie dann den Code ein.</translation>
    </message>
    <message>
        <source>Exchanging the code…</source>
        <translation>Der Code wird eingelöst …</translation>
    </message>
    <message>
        <source>The code was not accepted: %1</source>
        <translation>Der Code wurde nicht angenommen: %1</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>URL &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the sign-in address</source>
        <translation>Die Anmeldeadresse kopieren</translation>
    </message>
    <message>
        <source>The sign-in address is on the clipboard: open it in a browser where you can sign in.</source>
        <translation>Die Anmeldeadresse ist in der Zwischenablage: Öffnen Sie sie in einem Browser, in dem Sie sich anmelden können.</translation>
    </message>
    <message>
        <source>Sign-in &amp;page:</source>
        <translation>Anmelde&amp;seite:</translation>
    </message>
</context>
<context>
    <name>Opbox::OAuthClientPage</name>
    <message>
        <source>OAuth App</source>
        <translation>OAuth-App</translation>
    </message>
    <message>
        <source>Enter the client id and secret of the app you registered with the provider. Its redirect URI must point to this computer&apos;s API server.</source>
        <translation>Geben Sie Client-ID und -Geheimnis der App ein, die Sie beim Anbieter registriert haben. Ihre Weiterleitungs-URI muss auf den API-Server dieses Computers zeigen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Name der Verbindung</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <source>Problem with the form</source>
        <translation>Problem im Formular</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Client &amp;ID *:</source>
        <translation>Client-&amp;ID *:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret *:</source>
        <translation>Client-G&amp;eheimnis *:</translation>
    </message>
    <message>
        <source>https://… (leave empty for the provider&apos;s own service)</source>
        <translation>https://… (leer lassen für den Dienst des Anbieters)</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Keep the stored client id</source>
        <translation>Gespeicherte Client-ID behalten</translation>
    </message>
    <message>
        <source>Keep the stored client secret</source>
        <translation>Gespeichertes Client-Geheimnis behalten</translation>
    </message>
    <message>
        <source>Sign in to %1 again. Leave the client fields empty to keep the stored ones.</source>
        <translation>Erneut bei %1 anmelden. Lassen Sie die Client-Felder leer, um die gespeicherten zu behalten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an http:// or https:// address.</source>
        <translation>„%1“ muss eine http://- oder https://-Adresse sein.</translation>
    </message>
</context>
<context>
    <name>Opbox::OAuthWizard</name>
    <message>
        <source>Sign In to a Service</source>
        <translation>Bei einem Dienst anmelden</translation>
    </message>
    <message>
        <source>&amp;Sign In &gt;</source>
        <translation>An&amp;melden &gt;</translation>
    </message>
</context>
<context>
    <name>Opbox::OpboxTableListModel</name>
    <message numerus="yes">
        <source>Shared by %n connection(s) of a variant group</source>
        <translation>
            <numerusform>Geteilt von %n Verbindung einer Variantengruppe</numerusform>
            <numerusform>Geteilt von %n Verbindungen einer Variantengruppe</numerusform>
        </translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>Opbox::RedirectUriEdit</name>
    <message>
        <source>Redirect URI</source>
        <translation>Weiterleitungs-URI</translation>
    </message>
    <message>
        <source>Register this address as the redirect URI of your OAuth app at the provider.</source>
        <translation>Tragen Sie diese Adresse beim Anbieter als Weiterleitungs-URI Ihrer OAuth-App ein.</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>&amp;Weiterleitungs-URI:</translation>
    </message>
</context>
<context>
    <name>Opbox::RunChartWidget</name>
    <message>
        <source>Chart of the last runs</source>
        <translation>Diagramm der letzten Läufe</translation>
    </message>
    <message>
        <source>Rows synced</source>
        <translation>Synchronisierte Zeilen</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>Dauer (Sekunden)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>No finished runs yet</source>
        <translation>Noch keine abgeschlossenen Läufe</translation>
    </message>
    <message numerus="yes">
        <source>Last %n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>Die letzten %n Läufe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::RunListModel</name>
    <message>
        <source>Waiting for a free worker</source>
        <translation>Wartet auf einen freien Worker</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 streams · %3 rows</source>
        <translation>%1 von %2 Streams · %3 Zeilen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <source>%1 new, %2 updated</source>
        <translation>%1 neu, %2 aktualisiert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Ausgelöst durch</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Progress or error</source>
        <translation>Fortschritt oder Fehler</translation>
    </message>
</context>
<context>
    <name>Opbox::RunStripDelegate</name>
    <message numerus="yes">
        <source>Last %n run(s), oldest first: %1</source>
        <translation>
            <numerusform>Letzter Lauf (%n): %1</numerusform>
            <numerusform>Letzte %n Läufe, der älteste zuerst: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::RunsWidget</name>
    <message>
        <source>No runs yet. Start one with Run Now.</source>
        <translation>Noch keine Läufe. Starten Sie einen mit „Jetzt synchronisieren“.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Run details</source>
        <translation>Details des Laufs</translation>
    </message>
    <message>
        <source>Select a run to see its details.</source>
        <translation>Wählen Sie einen Lauf, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Started by: %1</source>
        <translation>Ausgelöst durch: %1</translation>
    </message>
    <message>
        <source>Streams: %1</source>
        <translation>Streams: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Gestartet: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <source>Rows: %1 synced, %2 new, %3 updated</source>
        <translation>Zeilen: %1 synchronisiert, %2 neu, %3 aktualisiert</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>Fortschritt: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Reading now: %1</source>
        <translation>Liest gerade: %1</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
</context>
<context>
    <name>Opbox::SchedulePage</name>
    <message>
        <source>Sync &amp;automatically</source>
        <translation>&amp;Automatisch synchronisieren</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Opbox Pipelines can sync this connection on a schedule. You can always sync by hand.</source>
        <translation>Opbox Pipelines kann diese Verbindung nach Zeitplan synchronisieren. Von Hand geht es immer.</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>Automatisch synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Hourly</source>
        <translation>&amp;Stündlich</translation>
    </message>
    <message>
        <source>&amp;Daily</source>
        <translation>&amp;Täglich</translation>
    </message>
    <message>
        <source>&amp;Weekly</source>
        <translation>&amp;Wöchentlich</translation>
    </message>
    <message>
        <source>&amp;Monthly</source>
        <translation>&amp;Monatlich</translation>
    </message>
    <message>
        <source>A scheduled run starts when one period has passed since the last scheduled run. Incremental streams only fetch what changed.</source>
        <translation>Ein geplanter Lauf startet, wenn seit dem letzten geplanten Lauf ein Zeitraum vergangen ist. Inkrementelle Streams holen nur Änderungen.</translation>
    </message>
</context>
<context>
    <name>Opbox::SecretLineEdit</name>
    <message>
        <source>Show or hide the value</source>
        <translation>Wert anzeigen oder verbergen</translation>
    </message>
</context>
<context>
    <name>Opbox::SettingsDialog</name>
    <message>
        <source>&amp;Run the REST API server</source>
        <translation>REST-API-Server &amp;ausführen</translation>
    </message>
    <message>
        <source>When a sync &amp;completes</source>
        <translation>Wenn eine Synchronisation abges&amp;chlossen ist</translation>
    </message>
    <message>
        <source>When a sync &amp;fails</source>
        <translation>Wenn eine Synchronisation &amp;fehlschlägt</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>API-Server</translation>
    </message>
    <message>
        <source>Run the REST API server</source>
        <translation>REST-API-Server ausführen</translation>
    </message>
    <message>
        <source>API server port</source>
        <translation>Port des API-Servers</translation>
    </message>
    <message>
        <source>http://127.0.0.1:%1 (default)</source>
        <translation>http://127.0.0.1:%1 (Standard)</translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation>Öffentliche URL</translation>
    </message>
    <message>
        <source>The base of webhook and OAuth redirect URLs, e.g. the address of a reverse proxy.</source>
        <translation>Die Basis der Webhook- und OAuth-Weiterleitungs-URLs, z. B. die Adresse eines Reverse-Proxys.</translation>
    </message>
    <message>
        <source>API server state</source>
        <translation>Zustand des API-Servers</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>P&amp;ublic URL:</source>
        <translation>Ö&amp;ffentliche URL:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>The server only listens on %1; it is never reachable from other machines unless you put a proxy in front of it.</source>
        <translation>Der Server lauscht nur auf %1; von anderen Rechnern ist er nur über einen vorgeschalteten Proxy erreichbar.</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Concurrent sync runs</source>
        <translation>Gleichzeitige Synchronisationsläufe</translation>
    </message>
    <message>
        <source>Concurrent &amp;runs:</source>
        <translation>Gleichzeitige &amp;Läufe:</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Where the master key lives</source>
        <translation>Wo der Hauptschlüssel liegt</translation>
    </message>
    <message>
        <source>Master key:</source>
        <translation>Hauptschlüssel:</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Datenverzeichnis:</translation>
    </message>
    <message>
        <source>Notify me</source>
        <translation>Mich benachrichtigen</translation>
    </message>
    <message>
        <source>Notify me when a sync completes</source>
        <translation>Mich benachrichtigen, wenn eine Synchronisation abgeschlossen ist</translation>
    </message>
    <message>
        <source>Notify me when a sync fails</source>
        <translation>Mich benachrichtigen, wenn eine Synchronisation fehlschlägt</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>Problem in den Einstellungen</translation>
    </message>
    <message>
        <source>The public URL must be an http:// or https:// address.</source>
        <translation>Die öffentliche URL muss eine http://- oder https://-Adresse sein.</translation>
    </message>
    <message>
        <source>A new number takes effect the next time Opbox Pipelines starts.</source>
        <translation>Eine neue Anzahl gilt ab dem nächsten Start von Opbox Pipelines.</translation>
    </message>
</context>
<context>
    <name>Opbox::StreamListModel</name>
    <message>
        <source>No connector is available for %1.</source>
        <translation>Für %1 ist kein Konnektor verfügbar.</translation>
    </message>
    <message numerus="yes">
        <source>%n stream(s) found.</source>
        <translation>
            <numerusform>%n Stream gefunden.</numerusform>
            <numerusform>%n Streams gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read for each record of &quot;%1&quot;</source>
        <translation>Wird für jeden Datensatz von „%1“ gelesen</translation>
    </message>
    <message>
        <source>Incremental on %1</source>
        <translation>Inkrementell nach %1</translation>
    </message>
    <message>
        <source>Incremental</source>
        <translation>Inkrementell</translation>
    </message>
    <message>
        <source>Full refresh</source>
        <translation>Vollständig neu</translation>
    </message>
    <message>
        <source>Primary key: %1</source>
        <translation>Primärschlüssel: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Re-read every sync</source>
        <translation>Bei jeder Synchronisation neu gelesen</translation>
    </message>
    <message>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>cursor field</source>
        <translation>Cursorfeld</translation>
    </message>
    <message>
        <source>Stream or field</source>
        <translation>Stream oder Feld</translation>
    </message>
    <message>
        <source>Sync mode or type</source>
        <translation>Synchronisationsart oder Typ</translation>
    </message>
    <message>
        <source>Cursor</source>
        <translation>Cursor</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>No table yet</source>
        <translation>Noch keine Tabelle</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Zuletzt synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>not in the table</source>
        <translation>nicht in der Tabelle</translation>
    </message>
    <message>
        <source>Table column</source>
        <translation>Tabellenspalte</translation>
    </message>
</context>
<context>
    <name>Opbox::StreamSelectionPage</name>
    <message>
        <source>Streams</source>
        <translation>Streams</translation>
    </message>
    <message>
        <source>Streams of the connector</source>
        <translation>Streams des Konnektors</translation>
    </message>
    <message>
        <source>Start the first sync right away</source>
        <translation>Die erste Synchronisation sofort starten</translation>
    </message>
    <message>
        <source>Start the &amp;first sync right away</source>
        <translation>Die &amp;erste Synchronisation sofort starten</translation>
    </message>
    <message>
        <source>Each checked stream becomes an Opbox table and is read by every sync of this connection; you can change the choice later on the Streams tab. Expand a stream to see its fields and their types.</source>
        <translation>Jeder markierte Stream wird zu einer Opbox-Tabelle und bei jeder Synchronisation dieser Verbindung gelesen; Sie können die Auswahl später im Reiter „Streams“ ändern. Klappen Sie einen Stream auf, um seine Felder und deren Typen zu sehen.</translation>
    </message>
</context>
<context>
    <name>Opbox::StreamsWidget</name>
    <message>
        <source>&amp;Discover</source>
        <translation>&amp;Ermitteln</translation>
    </message>
    <message>
        <source>Streams and fields</source>
        <translation>Streams und Felder</translation>
    </message>
    <message>
        <source>Discover streams from the provider</source>
        <translation>Streams beim Anbieter ermitteln</translation>
    </message>
    <message>
        <source>Ask the provider which streams and fields this connection offers</source>
        <translation>Den Anbieter fragen, welche Streams und Felder diese Verbindung bietet</translation>
    </message>
    <message>
        <source>Discovering</source>
        <translation>Ermittlung läuft</translation>
    </message>
    <message>
        <source>Discovery result</source>
        <translation>Ergebnis der Ermittlung</translation>
    </message>
    <message>
        <source>Asking the provider…</source>
        <translation>Der Anbieter wird gefragt …</translation>
    </message>
    <message>
        <source>Discovery failed: %1</source>
        <translation>Ermittlung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Apply Selection</source>
        <translation>Auswahl &amp;übernehmen</translation>
    </message>
    <message>
        <source>Apply the stream selection</source>
        <translation>Die Stream-Auswahl übernehmen</translation>
    </message>
    <message>
        <source>Save which streams the syncs of this connection read</source>
        <translation>Speichern, welche Streams die Synchronisationen dieser Verbindung lesen</translation>
    </message>
    <message>
        <source>Stream selection</source>
        <translation>Stream-Auswahl</translation>
    </message>
    <message>
        <source>Check at least one stream.</source>
        <translation>Markieren Sie mindestens einen Stream.</translation>
    </message>
    <message>
        <source>Syncs read every stream.</source>
        <translation>Synchronisationen lesen jeden Stream.</translation>
    </message>
    <message>
        <source>Syncs read %1 of %2 streams: %3</source>
        <translation>Synchronisationen lesen %1 von %2 Streams: %3</translation>
    </message>
    <message>
        <source>The stream selection was not saved: %1</source>
        <translation>Die Stream-Auswahl wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Stream selection saved.</source>
        <translation>Stream-Auswahl gespeichert.</translation>
    </message>
</context>
<context>
    <name>Opbox::TableColumnModel</name>
    <message>
        <source>added %1</source>
        <translation>hinzugefügt %1</translation>
    </message>
    <message numerus="yes">
        <source>%1, widened %n time(s)</source>
        <translation>
            <numerusform>%1, %n-mal erweitert</numerusform>
            <numerusform>%1, %n-mal erweitert</numerusform>
        </translation>
    </message>
    <message>
        <source>Widened</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>by run %1</source>
        <translation>durch Lauf %1</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Field or when</source>
        <translation>Feld oder Zeitpunkt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>Opbox::TableDataModel</name>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
</context>
<context>
    <name>Opbox::TablesWidget</name>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>No tables yet: the first sync creates one per stream.</source>
        <translation>Noch keine Tabellen: Die erste Synchronisation legt eine pro Stream an.</translation>
    </message>
    <message>
        <source>Opbox tables</source>
        <translation>Opbox-Tabellen</translation>
    </message>
    <message>
        <source>Columns and their history</source>
        <translation>Spalten und ihr Verlauf</translation>
    </message>
    <message>
        <source>Table rows</source>
        <translation>Tabellenzeilen</translation>
    </message>
    <message>
        <source>Filter rows (any column contains…)</source>
        <translation>Zeilen filtern (eine Spalte enthält …)</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>Zeilen filtern</translation>
    </message>
    <message>
        <source>Export the table to a CSV file</source>
        <translation>Die Tabelle in eine CSV-Datei exportieren</translation>
    </message>
    <message>
        <source>Table browser state</source>
        <translation>Stand des Tabellenbrowsers</translation>
    </message>
    <message>
        <source>Table details</source>
        <translation>Tabellendetails</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Daten</translation>
    </message>
    <message>
        <source>Co&amp;lumns</source>
        <translation>Spa&amp;lten</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>Die Tabelle kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation>
            <numerusform>%n Zeile angezeigt</numerusform>
            <numerusform>%n Zeilen angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · loading…</source>
        <translation>%1 · wird geladen …</translation>
    </message>
    <message>
        <source>%1 · scroll for more</source>
        <translation>%1 · für mehr blättern</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting… %1 rows written</source>
        <translation>Export läuft … %1 Zeilen geschrieben</translation>
    </message>
    <message>
        <source>%1 rows exported to %2</source>
        <translation>%1 Zeilen nach %2 exportiert</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export läuft …</translation>
    </message>
</context>
<context>
    <name>Opbox::TrayController</name>
    <message>
        <source>&amp;Show Opbox Pipelines</source>
        <translation>Opbox Pipelines &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Opbox Pipelines</source>
        <translation>Opbox Pipelines</translation>
    </message>
    <message>
        <source>Opbox Pipelines keeps syncing</source>
        <translation>Opbox Pipelines synchronisiert weiter</translation>
    </message>
    <message>
        <source>The window is closed, but scheduled syncs go on. Use the tray icon to open it again or to quit.</source>
        <translation>Das Fenster ist geschlossen, geplante Synchronisationen laufen aber weiter. Über das Symbol im Infobereich öffnen Sie es wieder oder beenden die Anwendung.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Sync completed: %1</source>
        <translation>Synchronisation abgeschlossen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) synced (%1 new, %2 updated).</source>
        <translation>
            <numerusform>%n Zeile synchronisiert (%1 neu, %2 aktualisiert).</numerusform>
            <numerusform>%n Zeilen synchronisiert (%1 neu, %2 aktualisiert).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::VariantConfirmPage</name>
    <message>
        <source>Create the Variant</source>
        <translation>Variante anlegen</translation>
    </message>
    <message>
        <source>Summary of the variant</source>
        <translation>Zusammenfassung der Variante</translation>
    </message>
    <message>
        <source>Why the variant could not be created</source>
        <translation>Warum die Variante nicht angelegt werden konnte</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation>Bezeichnung: %1</translation>
    </message>
    <message>
        <source>the next free number</source>
        <translation>die nächste freie Nummer</translation>
    </message>
    <message>
        <source>Tables: its own</source>
        <translation>Tabellen: eigene</translation>
    </message>
    <message>
        <source>Tables: shared with its group, rows told apart by the label</source>
        <translation>Tabellen: mit der Gruppe geteilt, Zeilen an der Bezeichnung unterschieden</translation>
    </message>
    <message>
        <source>The credentials are copied (encrypted again for the variant). The variant has its own schedule, cursors and a new webhook URL.</source>
        <translation>Die Zugangsdaten werden kopiert (für die Variante neu verschlüsselt). Die Variante hat einen eigenen Zeitplan, eigene Cursor und eine neue Webhook-URL.</translation>
    </message>
    <message>
        <source>The variant could not be created: %1</source>
        <translation>Die Variante konnte nicht angelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>Opbox::VariantDetailsPage</name>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>A variant syncs the same service with the same credentials under its own label, schedule, cursors and webhook.</source>
        <translation>Eine Variante synchronisiert denselben Dienst mit denselben Zugangsdaten unter eigener Bezeichnung, mit eigenem Zeitplan, eigenen Cursorn und eigenem Webhook.</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>Tables it writes:</source>
        <translation>Tabellen, die sie schreibt:</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
</context>
<context>
    <name>Opbox::VariantWizard</name>
    <message>
        <source>Give the variant its &amp;own tables</source>
        <translation>Der Variante &amp;eigene Tabellen geben</translation>
    </message>
    <message>
        <source>New Variant</source>
        <translation>Neue Variante</translation>
    </message>
    <message>
        <source>Variant name</source>
        <translation>Name der Variante</translation>
    </message>
    <message>
        <source>Variant label</source>
        <translation>Bezeichnung der Variante</translation>
    </message>
    <message>
        <source>Empty: the next number in the group</source>
        <translation>Leer: die nächste Nummer der Gruppe</translation>
    </message>
    <message>
        <source>Give the variant its own tables</source>
        <translation>Der Variante eigene Tabellen geben</translation>
    </message>
    <message>
        <source>By default every variant of a group writes into the same tables.</source>
        <translation>Standardmäßig schreiben alle Varianten einer Gruppe in dieselben Tabellen.</translation>
    </message>
    <message>
        <source>Preview of the table names</source>
        <translation>Vorschau der Tabellennamen</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>%1 (variant)</source>
        <translation>%1 (Variante)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(the connector&apos;s streams)</source>
        <translation>(die Streams des Konnektors)</translation>
    </message>
</context>
<context>
    <name>OwnerSession</name>
    <message>
        <source>The engine is not open.</source>
        <translation>Die Engine ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>TableExportJob</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>der Export wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>TableRowReader</name>
    <message>
        <source>the workspace&apos;s data file cannot be opened</source>
        <translation>die Datendatei des Workspace kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>UiStrings</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>Co&amp;mmit</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fertigstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
</TS>
