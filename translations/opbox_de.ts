<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>ConnectorTypeRegistry</name>
        <message>
            <source>API base URL</source>
            <translation>API-Basis-URL</translation>
        </message>
        <message>
            <source>Leave empty for the provider's own API.</source>
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
            <source>Repositories (owner/name; empty: all of the token's)</source>
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
            <source>&amp;Enabled (scheduled, webhook and run-all syncs may start)</source>
            <translation>&amp;Aktiviert (geplante, Webhook- und Sammel-Synchronisationen dürfen starten)</translation>
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
            <source>Label "%1"</source>
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
            <source>All streams</source>
            <translation>Alle Streams</translation>
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
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
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
            <source>https://… (leave empty for the provider's own service)</source>
            <translation>https://… (leer lassen für den Dienst des Anbieters)</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>Show or hide the value</source>
            <translation>Wert anzeigen oder verbergen</translation>
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
            <source>"%1" is required.</source>
            <translation>„%1“ ist erforderlich.</translation>
        </message>
        <message>
            <source>"%1" needs at least one value.</source>
            <translation>„%1“ braucht mindestens einen Wert.</translation>
        </message>
        <message>
            <source>"%1" must be an http:// or https:// address.</source>
            <translation>„%1“ muss eine http://- oder https://-Adresse sein.</translation>
        </message>
        <message>
            <source>Connection details form</source>
            <translation>Formular mit den Verbindungsdaten</translation>
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
            <source>Connections</source>
            <translation>Verbindungen</translation>
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
            <source>Connection "%1" created.</source>
            <translation>Verbindung „%1“ angelegt.</translation>
        </message>
        <message>
            <source>Delete Connection</source>
            <translation>Verbindung löschen</translation>
        </message>
        <message>
            <source>Delete the connection "%1"?</source>
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
            <source>Connection "%1" deleted.</source>
            <translation>Verbindung „%1“ gelöscht.</translation>
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
    </context>
    <context>
        <name>OwnerSession</name>
        <message>
            <source>The engine is not open.</source>
            <translation>Die Engine ist nicht geöffnet.</translation>
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
