<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>ConnectorTypeRegistry</name>
        <message>
            <source>API base URL</source>
            <translation>API base URL</translation>
        </message>
        <message>
            <source>Leave empty for the provider's own API.</source>
            <translation>Leave empty for the provider's own API.</translation>
        </message>
        <message>
            <source>OAuth base URL</source>
            <translation>OAuth base URL</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>API key</translation>
        </message>
        <message>
            <source>API token</source>
            <translation>API token</translation>
        </message>
        <message>
            <source>Access token</source>
            <translation>Access token</translation>
        </message>
        <message>
            <source>Account ID (discovered)</source>
            <translation>Account ID (discovered)</translation>
        </message>
        <message>
            <source>Agent email</source>
            <translation>Agent email</translation>
        </message>
        <message>
            <source>App secret (for inbound webhooks)</source>
            <translation>App secret (for inbound webhooks)</translation>
        </message>
        <message>
            <source>Client ID</source>
            <translation>Client ID</translation>
        </message>
        <message>
            <source>Client secret</source>
            <translation>Client secret</translation>
        </message>
        <message>
            <source>Company numbers</source>
            <translation>Company numbers</translation>
        </message>
        <message>
            <source>Integration key (client ID)</source>
            <translation>Integration key (client ID)</translation>
        </message>
        <message>
            <source>Personal access token</source>
            <translation>Personal access token</translation>
        </message>
        <message>
            <source>Private app token</source>
            <translation>Private app token</translation>
        </message>
        <message>
            <source>Repositories (owner/name; empty: all of the token's)</source>
            <translation>Repositories (owner/name; empty: all of the token's)</translation>
        </message>
        <message>
            <source>Secret key</source>
            <translation>Secret key</translation>
        </message>
        <message>
            <source>Subdomain (&lt;subdomain&gt;.zendesk.com)</source>
            <translation>Subdomain (&lt;subdomain&gt;.zendesk.com)</translation>
        </message>
        <message>
            <source>System-user access token</source>
            <translation>System-user access token</translation>
        </message>
        <message>
            <source>Tenant ID (discovered)</source>
            <translation>Tenant ID (discovered)</translation>
        </message>
        <message>
            <source>Webhook verify token</source>
            <translation>Webhook verify token</translation>
        </message>
        <message>
            <source>WhatsApp Business Account ID</source>
            <translation>WhatsApp Business Account ID</translation>
        </message>
        <message>
            <source>Workspace GID (empty: every workspace)</source>
            <translation>Workspace GID (empty: every workspace)</translation>
        </message>
    </context>
    <context>
        <name>DisplayFormat</name>
        <message>
            <source>CRM Platform</source>
            <translation>CRM Platform</translation>
        </message>
        <message>
            <source>Accounting Software</source>
            <translation>Accounting Software</translation>
        </message>
        <message>
            <source>Project Management</source>
            <translation>Project Management</translation>
        </message>
        <message>
            <source>Scheduling Platform</source>
            <translation>Scheduling Platform</translation>
        </message>
        <message>
            <source>Document Signing</source>
            <translation>Document Signing</translation>
        </message>
        <message>
            <source>Meeting Transcription</source>
            <translation>Meeting Transcription</translation>
        </message>
        <message>
            <source>Customer Support</source>
            <translation>Customer Support</translation>
        </message>
        <message>
            <source>WhatsApp Messaging</source>
            <translation>WhatsApp Messaging</translation>
        </message>
        <message>
            <source>Registry Service</source>
            <translation>Registry Service</translation>
        </message>
        <message>
            <source>Development</source>
            <translation>Development</translation>
        </message>
        <message>
            <source>CRM</source>
            <translation>CRM</translation>
        </message>
        <message>
            <source>Accounting</source>
            <translation>Accounting</translation>
        </message>
        <message>
            <source>Scheduling</source>
            <translation>Scheduling</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>Support</source>
            <translation>Support</translation>
        </message>
        <message>
            <source>Messaging</source>
            <translation>Messaging</translation>
        </message>
        <message>
            <source>Registry</source>
            <translation>Registry</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>just now</translation>
        </message>
        <message>
            <source>in a moment</source>
            <translation>in a moment</translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s) ago</source>
            <translation>
                <numerusform>%n minute ago</numerusform>
                <numerusform>%n minutes ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n minute(s)</source>
            <translation>
                <numerusform>in %n minute</numerusform>
                <numerusform>in %n minutes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s) ago</source>
            <translation>
                <numerusform>%n hour ago</numerusform>
                <numerusform>%n hours ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n hour(s)</source>
            <translation>
                <numerusform>in %n hour</numerusform>
                <numerusform>in %n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n day ago</numerusform>
                <numerusform>%n days ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n day(s)</source>
            <translation>
                <numerusform>in %n day</numerusform>
                <numerusform>in %n days</numerusform>
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
            <translation>Connected</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>Not connected</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Running</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Manual</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>Webhook</source>
            <translation>Webhook</translation>
        </message>
        <message>
            <source>Run all</source>
            <translation>Run all</translation>
        </message>
        <message>
            <source>Authorization</source>
            <translation>Authorization</translation>
        </message>
        <message>
            <source>Hourly</source>
            <translation>Hourly</translation>
        </message>
        <message>
            <source>Daily</source>
            <translation>Daily</translation>
        </message>
        <message>
            <source>Weekly</source>
            <translation>Weekly</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <source>Manual only</source>
            <translation>Manual only</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Admin</source>
            <translation>Admin</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Viewer</source>
            <translation>Viewer</translation>
        </message>
        <message>
            <source>API key or token</source>
            <translation>API key or token</translation>
        </message>
        <message>
            <source>User name and token</source>
            <translation>User name and token</translation>
        </message>
        <message>
            <source>OAuth 2.0 sign-in</source>
            <translation>OAuth 2.0 sign-in</translation>
        </message>
        <message>
            <source>Yes/no</source>
            <translation>Yes/no</translation>
        </message>
        <message>
            <source>Whole number</source>
            <translation>Whole number</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>Date and time</translation>
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
            <translation>List (JSON)</translation>
        </message>
        <message>
            <source>Connection created</source>
            <translation>Connection created</translation>
        </message>
        <message>
            <source>Connection changed</source>
            <translation>Connection changed</translation>
        </message>
        <message>
            <source>Connection deleted</source>
            <translation>Connection deleted</translation>
        </message>
        <message>
            <source>Cursor reset</source>
            <translation>Cursor reset</translation>
        </message>
        <message>
            <source>Variant created</source>
            <translation>Variant created</translation>
        </message>
        <message>
            <source>Secret revealed</source>
            <translation>Secret revealed</translation>
        </message>
        <message>
            <source>Authorization started</source>
            <translation>Authorization started</translation>
        </message>
        <message>
            <source>Authorization completed</source>
            <translation>Authorization completed</translation>
        </message>
        <message>
            <source>Sync started</source>
            <translation>Sync started</translation>
        </message>
        <message>
            <source>Sync stopped</source>
            <translation>Sync stopped</translation>
        </message>
        <message>
            <source>All connections synced</source>
            <translation>All connections synced</translation>
        </message>
        <message>
            <source>API token created</source>
            <translation>API token created</translation>
        </message>
        <message>
            <source>Membership changed</source>
            <translation>Membership changed</translation>
        </message>
    </context>
    <context>
        <name>Engine</name>
        <message>
            <source>cannot create the data directory %1</source>
            <translation>cannot create the data directory %1</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>locked</translation>
        </message>
        <message>
            <source>environment variable OPBOX_MASTER_KEY</source>
            <translation>environment variable OPBOX_MASTER_KEY</translation>
        </message>
        <message>
            <source>system keychain</source>
            <translation>system keychain</translation>
        </message>
        <message>
            <source>file %1/master.key</source>
            <translation>file %1/master.key</translation>
        </message>
    </context>
    <context>
        <name>Opbox::ApiServerController</name>
        <message>
            <source>port %1 on %2 is in use or not available</source>
            <translation>port %1 on %2 is in use or not available</translation>
        </message>
        <message>
            <source>API server: %1</source>
            <translation>API server: %1</translation>
        </message>
        <message>
            <source>API server: off</source>
            <translation>API server: off</translation>
        </message>
        <message>
            <source>API server not running: %1</source>
            <translation>API server not running: %1</translation>
        </message>
        <message>
            <source>API server: starting…</source>
            <translation>API server: starting…</translation>
        </message>
    </context>
    <context>
        <name>Opbox::AuditLogDialog</name>
        <message>
            <source>Audit Log</source>
            <translation>Audit Log</translation>
        </message>
        <message>
            <source>Show actions</source>
            <translation>Show actions</translation>
        </message>
        <message>
            <source>All actions</source>
            <translation>All actions</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>&amp;Show:</translation>
        </message>
        <message>
            <source>Audit events</source>
            <translation>Audit events</translation>
        </message>
        <message numerus="yes">
            <source>%n event(s)</source>
            <translation>
                <numerusform>%n event</numerusform>
                <numerusform>%n events</numerusform>
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
            <translation>%1 from %2</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
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
            <translation>Connection name</translation>
        </message>
        <message>
            <source>Connection type and status</source>
            <translation>Connection type and status</translation>
        </message>
        <message>
            <source>Connection details</source>
            <translation>Connection details</translation>
        </message>
        <message>
            <source>&amp;Overview</source>
            <translation>&amp;Overview</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>%1 · variant %2</source>
            <translation>%1 · variant %2</translation>
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
            <translation>%1, %2 connection</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Never</translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
        <message>
            <source>Not scheduled</source>
            <translation>Not scheduled</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Variant</source>
            <translation>Variant</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Last run</source>
            <translation>Last run</translation>
        </message>
        <message>
            <source>Next run</source>
            <translation>Next run</translation>
        </message>
    </context>
    <context>
        <name>Opbox::ConnectionOverviewWidget</name>
        <message>
            <source>Connection status</source>
            <translation>Connection status</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Status:</translation>
        </message>
        <message>
            <source>Status message</source>
            <translation>Status message</translation>
        </message>
        <message>
            <source>Message:</source>
            <translation>Message:</translation>
        </message>
        <message>
            <source>Connector type</source>
            <translation>Connector type</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Type:</translation>
        </message>
        <message>
            <source>Variant</source>
            <translation>Variant</translation>
        </message>
        <message>
            <source>Variant:</source>
            <translation>Variant:</translation>
        </message>
        <message>
            <source>&amp;Enabled (scheduled, webhook and run-all syncs may start)</source>
            <translation>&amp;Enabled (scheduled, webhook and run-all syncs may start)</translation>
        </message>
        <message>
            <source>Connection enabled</source>
            <translation>Connection enabled</translation>
        </message>
        <message>
            <source>Syncing:</source>
            <translation>Syncing:</translation>
        </message>
        <message>
            <source>Sync &amp;automatically</source>
            <translation>Sync &amp;automatically</translation>
        </message>
        <message>
            <source>Sync automatically</source>
            <translation>Sync automatically</translation>
        </message>
        <message>
            <source>Schedule frequency</source>
            <translation>Schedule frequency</translation>
        </message>
        <message>
            <source>Schedule:</source>
            <translation>Schedule:</translation>
        </message>
        <message>
            <source>Notified people</source>
            <translation>Notified people</translation>
        </message>
        <message>
            <source>C&amp;hange…</source>
            <translation>C&amp;hange…</translation>
        </message>
        <message>
            <source>Change who is notified</source>
            <translation>Change who is notified</translation>
        </message>
        <message>
            <source>Notify:</source>
            <translation>Notify:</translation>
        </message>
        <message>
            <source>Stored credentials</source>
            <translation>Stored credentials</translation>
        </message>
        <message>
            <source>Credentials:</source>
            <translation>Credentials:</translation>
        </message>
        <message>
            <source>Configuration</source>
            <translation>Configuration</translation>
        </message>
        <message>
            <source>Configuration:</source>
            <translation>Configuration:</translation>
        </message>
        <message>
            <source>Created and updated</source>
            <translation>Created and updated</translation>
        </message>
        <message>
            <source>Created:</source>
            <translation>Created:</translation>
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
            <translation>None (not part of a variant group)</translation>
        </message>
        <message>
            <source>Label "%1"</source>
            <translation>Label "%1"</translation>
        </message>
        <message>
            <source>%1: stored, encrypted</source>
            <translation>%1: stored, encrypted</translation>
        </message>
        <message>
            <source>None stored</source>
            <translation>None stored</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Defaults</source>
            <translation>Defaults</translation>
        </message>
        <message>
            <source>%1 (last changed %2)</source>
            <translation>%1 (last changed %2)</translation>
        </message>
        <message>
            <source>All workspace members (filtered by their preferences)</source>
            <translation>All workspace members (filtered by their preferences)</translation>
        </message>
        <message>
            <source>Connection overview</source>
            <translation>Connection overview</translation>
        </message>
    </context>
    <context>
        <name>Opbox::ConnectionSummaryPage</name>
        <message>
            <source>Summary</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Check the details, then create the connection.</source>
            <translation>Check the details, then create the connection.</translation>
        </message>
        <message>
            <source>Summary of the new connection</source>
            <translation>Summary of the new connection</translation>
        </message>
        <message>
            <source>Why the connection could not be created</source>
            <translation>Why the connection could not be created</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>All workspace members</source>
            <translation>All workspace members</translation>
        </message>
        <message>
            <source>All streams</source>
            <translation>All streams</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Credentials</source>
            <translation>Credentials</translation>
        </message>
        <message>
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <source>%1 (stored encrypted)</source>
            <translation>%1 (stored encrypted)</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Streams</source>
            <translation>Streams</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>Notify</source>
            <translation>Notify</translation>
        </message>
        <message>
            <source>The connection could not be created: %1</source>
            <translation>The connection could not be created: %1</translation>
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
            <translation>%1 — connects to %2 (%3)</translation>
        </message>
    </context>
    <context>
        <name>Opbox::ConnectorTypePage</name>
        <message>
            <source>Choose a Service</source>
            <translation>Choose a Service</translation>
        </message>
        <message>
            <source>Which service should Opbox Pipelines sync data from?</source>
            <translation>Which service should Opbox Pipelines sync data from?</translation>
        </message>
        <message>
            <source>Connector types</source>
            <translation>Connector types</translation>
        </message>
        <message>
            <source>Use the arrow keys to choose a service; categories group them.</source>
            <translation>Use the arrow keys to choose a service; categories group them.</translation>
        </message>
        <message>
            <source>About the chosen service</source>
            <translation>About the chosen service</translation>
        </message>
        <message>
            <source>Choose a service from the list.</source>
            <translation>Choose a service from the list.</translation>
        </message>
        <message>
            <source>You sign in to %1 in your browser; Opbox Pipelines stores the tokens encrypted.</source>
            <translation>You sign in to %1 in your browser; Opbox Pipelines stores the tokens encrypted.</translation>
        </message>
        <message>
            <source>You need credentials from %1; they are stored encrypted and never shown again.</source>
            <translation>You need credentials from %1; they are stored encrypted and never shown again.</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; connects to &lt;b&gt;%2&lt;/b&gt;.&lt;br&gt;%3</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; connects to &lt;b&gt;%2&lt;/b&gt;.&lt;br&gt;%3</translation>
        </message>
    </context>
    <context>
        <name>Opbox::CredentialsPage</name>
        <message>
            <source>Credentials</source>
            <translation>Credentials</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Connection name</source>
            <translation>Connection name</translation>
        </message>
        <message>
            <source>Problem with the form</source>
            <translation>Problem with the form</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>Enter the OAuth app credentials you registered with %1.</source>
            <translation>Enter the OAuth app credentials you registered with %1.</translation>
        </message>
        <message>
            <source>Enter the credentials for %1. Secrets are encrypted and never shown again.</source>
            <translation>Enter the credentials for %1. Secrets are encrypted and never shown again.</translation>
        </message>
        <message>
            <source>Several values, separated by commas</source>
            <translation>Several values, separated by commas</translation>
        </message>
        <message>
            <source>https://… (leave empty for the provider's own service)</source>
            <translation>https://… (leave empty for the provider's own service)</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>Show or hide the value</source>
            <translation>Show or hide the value</translation>
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
            <translation>Give the connection a name.</translation>
        </message>
        <message>
            <source>"%1" is required.</source>
            <translation>"%1" is required.</translation>
        </message>
        <message>
            <source>"%1" needs at least one value.</source>
            <translation>"%1" needs at least one value.</translation>
        </message>
        <message>
            <source>"%1" must be an http:// or https:// address.</source>
            <translation>"%1" must be an http:// or https:// address.</translation>
        </message>
        <message>
            <source>Connection details form</source>
            <translation>Connection details form</translation>
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
            <translation>Opening the vault…</translation>
        </message>
        <message>
            <source>Start-up state</source>
            <translation>Start-up state</translation>
        </message>
        <message>
            <source>API server state</source>
            <translation>API server state</translation>
        </message>
        <message>
            <source>Master key location</source>
            <translation>Master key location</translation>
        </message>
        <message>
            <source>&amp;New Connection…</source>
            <translation>&amp;New Connection…</translation>
        </message>
        <message>
            <source>Connect a new service</source>
            <translation>Connect a new service</translation>
        </message>
        <message>
            <source>&amp;Delete Connection…</source>
            <translation>&amp;Delete Connection…</translation>
        </message>
        <message>
            <source>Delete the selected connection</source>
            <translation>Delete the selected connection</translation>
        </message>
        <message>
            <source>&amp;Audit Log</source>
            <translation>&amp;Audit Log</translation>
        </message>
        <message>
            <source>Who did what in this workspace</source>
            <translation>Who did what in this workspace</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <source>API server, workers, key store and notifications</source>
            <translation>API server, workers, key store and notifications</translation>
        </message>
        <message>
            <source>&amp;About Opbox Pipelines</source>
            <translation>&amp;About Opbox Pipelines</translation>
        </message>
        <message>
            <source>Version and licence</source>
            <translation>Version and licence</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Stop syncing and quit</source>
            <translation>Stop syncing and quit</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Connection</source>
            <translation>&amp;Connection</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Main toolbar</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <source>Welcome to Opbox Pipelines</source>
            <translation>Welcome to Opbox Pipelines</translation>
        </message>
        <message>
            <source>Connect a service — a CRM, accounting, support desk or code host — and its data syncs into local Opbox tables that you can browse and export.</source>
            <translation>Connect a service — a CRM, accounting, support desk or code host — and its data syncs into local Opbox tables that you can browse and export.</translation>
        </message>
        <message>
            <source>Create your first &amp;connection…</source>
            <translation>Create your first &amp;connection…</translation>
        </message>
        <message>
            <source>Create your first connection</source>
            <translation>Create your first connection</translation>
        </message>
        <message>
            <source>The app keeps working without the API server.</source>
            <translation>The app keeps working without the API server.</translation>
        </message>
        <message>
            <source>Opbox Pipelines could not start:
%1</source>
            <translation>Opbox Pipelines could not start:
%1</translation>
        </message>
        <message>
            <source>Filter connections</source>
            <translation>Filter connections</translation>
        </message>
        <message>
            <source>Connections</source>
            <translation>Connections</translation>
        </message>
        <message>
            <source>Select a connection to see its details.</source>
            <translation>Select a connection to see its details.</translation>
        </message>
        <message>
            <source>Master key: %1</source>
            <translation>Master key: %1</translation>
        </message>
        <message>
            <source>Opbox Pipelines — %1</source>
            <translation>Opbox Pipelines — %1</translation>
        </message>
        <message>
            <source>Connection "%1" created.</source>
            <translation>Connection "%1" created.</translation>
        </message>
        <message>
            <source>Delete Connection</source>
            <translation>Delete Connection</translation>
        </message>
        <message>
            <source>Delete the connection "%1"?</source>
            <translation>Delete the connection "%1"?</translation>
        </message>
        <message>
            <source>Its credentials, runs and webhook URL are removed. Synced Opbox tables are kept.</source>
            <translation>Its credentials, runs and webhook URL are removed. Synced Opbox tables are kept.</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <source>Connection "%1" deleted.</source>
            <translation>Connection "%1" deleted.</translation>
        </message>
        <message>
            <source>About Opbox Pipelines</source>
            <translation>About Opbox Pipelines</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Opbox Pipelines %1&lt;/h3&gt;&lt;p&gt;Syncs data from SaaS services into local Opbox tables.&lt;/p&gt;&lt;p&gt;Data directory: %2&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Opbox Pipelines %1&lt;/h3&gt;&lt;p&gt;Syncs data from SaaS services into local Opbox tables.&lt;/p&gt;&lt;p&gt;Data directory: %2&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</translation>
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
            <translation>New Connection</translation>
        </message>
        <message>
            <source>&amp;Create</source>
            <translation>&amp;Create</translation>
        </message>
    </context>
    <context>
        <name>Opbox::NotifyRecipientsDialog</name>
        <message>
            <source>Who Is Notified</source>
            <translation>Who Is Notified</translation>
        </message>
        <message>
            <source>Completed and failed runs of this connection are reported to:</source>
            <translation>Completed and failed runs of this connection are reported to:</translation>
        </message>
    </context>
    <context>
        <name>Opbox::NotifyRecipientsPage</name>
        <message>
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <source>Who should hear when a sync of this connection completes or fails? The person who starts a sync is not notified about it.</source>
            <translation>Who should hear when a sync of this connection completes or fails? The person who starts a sync is not notified about it.</translation>
        </message>
    </context>
    <context>
        <name>Opbox::NotifyRecipientsWidget</name>
        <message>
            <source>&amp;All workspace members (each filtered by their own preferences)</source>
            <translation>&amp;All workspace members (each filtered by their own preferences)</translation>
        </message>
        <message>
            <source>&amp;Only these people:</source>
            <translation>&amp;Only these people:</translation>
        </message>
        <message>
            <source>Notify all workspace members</source>
            <translation>Notify all workspace members</translation>
        </message>
        <message>
            <source>Notify only the checked people</source>
            <translation>Notify only the checked people</translation>
        </message>
        <message>
            <source>Workspace members</source>
            <translation>Workspace members</translation>
        </message>
    </context>
    <context>
        <name>Opbox::SchedulePage</name>
        <message>
            <source>Sync &amp;automatically</source>
            <translation>Sync &amp;automatically</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>Opbox Pipelines can sync this connection on a schedule. You can always sync by hand.</source>
            <translation>Opbox Pipelines can sync this connection on a schedule. You can always sync by hand.</translation>
        </message>
        <message>
            <source>Sync automatically</source>
            <translation>Sync automatically</translation>
        </message>
        <message>
            <source>&amp;Hourly</source>
            <translation>&amp;Hourly</translation>
        </message>
        <message>
            <source>&amp;Daily</source>
            <translation>&amp;Daily</translation>
        </message>
        <message>
            <source>&amp;Weekly</source>
            <translation>&amp;Weekly</translation>
        </message>
        <message>
            <source>&amp;Monthly</source>
            <translation>&amp;Monthly</translation>
        </message>
        <message>
            <source>A scheduled run starts when one period has passed since the last scheduled run. Incremental streams only fetch what changed.</source>
            <translation>A scheduled run starts when one period has passed since the last scheduled run. Incremental streams only fetch what changed.</translation>
        </message>
    </context>
    <context>
        <name>Opbox::SettingsDialog</name>
        <message>
            <source>&amp;Run the REST API server</source>
            <translation>&amp;Run the REST API server</translation>
        </message>
        <message>
            <source>When a sync &amp;completes</source>
            <translation>When a sync &amp;completes</translation>
        </message>
        <message>
            <source>When a sync &amp;fails</source>
            <translation>When a sync &amp;fails</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>API server</source>
            <translation>API server</translation>
        </message>
        <message>
            <source>Run the REST API server</source>
            <translation>Run the REST API server</translation>
        </message>
        <message>
            <source>API server port</source>
            <translation>API server port</translation>
        </message>
        <message>
            <source>http://127.0.0.1:%1 (default)</source>
            <translation>http://127.0.0.1:%1 (default)</translation>
        </message>
        <message>
            <source>Public URL</source>
            <translation>Public URL</translation>
        </message>
        <message>
            <source>The base of webhook and OAuth redirect URLs, e.g. the address of a reverse proxy.</source>
            <translation>The base of webhook and OAuth redirect URLs, e.g. the address of a reverse proxy.</translation>
        </message>
        <message>
            <source>API server state</source>
            <translation>API server state</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <source>P&amp;ublic URL:</source>
            <translation>P&amp;ublic URL:</translation>
        </message>
        <message>
            <source>State:</source>
            <translation>State:</translation>
        </message>
        <message>
            <source>The server only listens on %1; it is never reachable from other machines unless you put a proxy in front of it.</source>
            <translation>The server only listens on %1; it is never reachable from other machines unless you put a proxy in front of it.</translation>
        </message>
        <message>
            <source>Syncing</source>
            <translation>Syncing</translation>
        </message>
        <message>
            <source>Concurrent sync runs</source>
            <translation>Concurrent sync runs</translation>
        </message>
        <message>
            <source>Concurrent &amp;runs:</source>
            <translation>Concurrent &amp;runs:</translation>
        </message>
        <message>
            <source>Security</source>
            <translation>Security</translation>
        </message>
        <message>
            <source>Where the master key lives</source>
            <translation>Where the master key lives</translation>
        </message>
        <message>
            <source>Master key:</source>
            <translation>Master key:</translation>
        </message>
        <message>
            <source>Data directory</source>
            <translation>Data directory</translation>
        </message>
        <message>
            <source>Data directory:</source>
            <translation>Data directory:</translation>
        </message>
        <message>
            <source>Notify me</source>
            <translation>Notify me</translation>
        </message>
        <message>
            <source>Notify me when a sync completes</source>
            <translation>Notify me when a sync completes</translation>
        </message>
        <message>
            <source>Notify me when a sync fails</source>
            <translation>Notify me when a sync fails</translation>
        </message>
        <message>
            <source>Problem with the settings</source>
            <translation>Problem with the settings</translation>
        </message>
        <message>
            <source>The public URL must be an http:// or https:// address.</source>
            <translation>The public URL must be an http:// or https:// address.</translation>
        </message>
    </context>
    <context>
        <name>Opbox::TrayController</name>
        <message>
            <source>&amp;Show Opbox Pipelines</source>
            <translation>&amp;Show Opbox Pipelines</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Opbox Pipelines</source>
            <translation>Opbox Pipelines</translation>
        </message>
        <message>
            <source>Opbox Pipelines keeps syncing</source>
            <translation>Opbox Pipelines keeps syncing</translation>
        </message>
        <message>
            <source>The window is closed, but scheduled syncs go on. Use the tray icon to open it again or to quit.</source>
            <translation>The window is closed, but scheduled syncs go on. Use the tray icon to open it again or to quit.</translation>
        </message>
    </context>
    <context>
        <name>OwnerSession</name>
        <message>
            <source>The engine is not open.</source>
            <translation>The engine is not open.</translation>
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
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>&amp;Apply</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Yes</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;No</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Reset</source>
            <translation>&amp;Reset</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Back</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Next &gt;</translation>
        </message>
        <message>
            <source>Co&amp;mmit</source>
            <translation>Co&amp;mmit</translation>
        </message>
        <message>
            <source>&amp;Finish</source>
            <translation>&amp;Finish</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
</TS>
