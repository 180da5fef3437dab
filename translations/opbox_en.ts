<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdminCommandRunner</name>
    <message numerus="yes">
        <source>%n secret(s) re-encrypted. Set OPBOX_MASTER_KEY to the key above before the next start; the old key opens nothing any more.</source>
        <translation>
            <numerusform>%n secret re-encrypted. Set OPBOX_MASTER_KEY to the key above before the next start; the old key opens nothing any more.</numerusform>
            <numerusform>%n secrets re-encrypted. Set OPBOX_MASTER_KEY to the key above before the next start; the old key opens nothing any more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) re-encrypted; the new master key is in the system keychain.</source>
        <translation>
            <numerusform>%n secret re-encrypted; the new master key is in the system keychain.</numerusform>
            <numerusform>%n secrets re-encrypted; the new master key is in the system keychain.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) re-encrypted; the new master key is in %1.</source>
        <translation>
            <numerusform>%n secret re-encrypted; the new master key is in %1.</numerusform>
            <numerusform>%n secrets re-encrypted; the new master key is in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is in use by process %2 (a server or the desktop app); stop it before rotating the key.</source>
        <translation>%1 is in use by process %2 (a server or the desktop app); stop it before rotating the key.</translation>
    </message>
</context>
<context>
    <name>ConnectorTypeRegistry</name>
    <message>
        <source>API base URL</source>
        <translation>API base URL</translation>
    </message>
    <message>
        <source>Leave empty for the provider&apos;s own API.</source>
        <translation>Leave empty for the provider&apos;s own API.</translation>
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
        <source>Repositories (owner/name; empty: all of the token&apos;s)</source>
        <translation>Repositories (owner/name; empty: all of the token&apos;s)</translation>
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
    <message>
        <source>a workspace GID (its number, e.g. 1201234567890, not its web address)</source>
        <translation>a workspace GID (its number, e.g. 1201234567890, not its web address)</translation>
    </message>
    <message>
        <source>a company number (8 letters or digits, e.g. 00445790 or SC123456)</source>
        <translation>a company number (8 letters or digits, e.g. 00445790 or SC123456)</translation>
    </message>
    <message>
        <source>owner/name (e.g. octocat/hello-world)</source>
        <translation>owner/name (e.g. octocat/hello-world)</translation>
    </message>
</context>
<context>
    <name>DemoSandbox</name>
    <message>
        <source>the sandbox announced a service in a form it does not know: %1</source>
        <translation>the sandbox announced a service in a form it does not know: %1</translation>
    </message>
    <message>
        <source>the sandbox %1 did not start: %2</source>
        <translation>the sandbox %1 did not start: %2</translation>
    </message>
    <message>
        <source>the sandbox %1 did not announce its services</source>
        <translation>the sandbox %1 did not announce its services</translation>
    </message>
    <message>
        <source>the OAuth service is not running</source>
        <translation>the OAuth service is not running</translation>
    </message>
    <message>
        <source>the sandbox provider answered %1 without a redirect</source>
        <translation>the sandbox provider answered %1 without a redirect</translation>
    </message>
    <message>
        <source>the sandbox provider refused the authorization: %1</source>
        <translation>the sandbox provider refused the authorization: %1</translation>
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
    <name>Opbox</name>
    <message>
        <source>cannot open the window on the display (%1); use --server to run headless</source>
        <translation>cannot open the window on the display (%1); use --server to run headless</translation>
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
        <translation>Usage:
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
</translation>
    </message>
</context>
<context>
    <name>Opbox::ActivityListModel</name>
    <message>
        <source>Sync completed: %1</source>
        <translation>Sync completed: %1</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>Sync stopped: %1</translation>
    </message>
    <message>
        <source>Syncing %1</source>
        <translation>Syncing %1</translation>
    </message>
    <message>
        <source>The sync failed.</source>
        <translation>The sync failed.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) synced (%1 new, %2 updated).</source>
        <translation>
            <numerusform>%n row synced (%1 new, %2 updated).</numerusform>
            <numerusform>%n rows synced (%1 new, %2 updated).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — started %2</source>
        <translation>%1 — started %2</translation>
    </message>
    <message>
        <source>%1 — started %2
%3</source>
        <translation>%1 — started %2
%3</translation>
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
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Search who, what, target or details</source>
        <translation>Search who, what, target or details</translation>
    </message>
    <message>
        <source>Search the audit log</source>
        <translation>Search the audit log</translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation>Searc&amp;h:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Between…</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>and</source>
        <translation>and</translation>
    </message>
    <message>
        <source>Export the audit log as CSV</source>
        <translation>Export the audit log as CSV</translation>
    </message>
    <message>
        <source>Save the events shown as a CSV file</source>
        <translation>Save the events shown as a CSV file</translation>
    </message>
    <message>
        <source>Export Audit Log</source>
        <translation>Export Audit Log</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported to %1</source>
        <translation>
            <numerusform>%n event exported to %1</numerusform>
            <numerusform>%n events exported to %1</numerusform>
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
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Removed user</source>
        <translation>Removed user</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <source>A run</source>
        <translation>A run</translation>
    </message>
    <message>
        <source>Run of %1</source>
        <translation>Run of %1</translation>
    </message>
</context>
<context>
    <name>Opbox::CommandLine</name>
    <message>
        <source>unknown token command (expected: token create|list|revoke)</source>
        <translation>unknown token command (expected: token create|list|revoke)</translation>
    </message>
    <message>
        <source>unknown key command (expected: key rotate)</source>
        <translation>unknown key command (expected: key rotate)</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>unexpected argument: %1</translation>
    </message>
    <message>
        <source>--data-dir needs a directory</source>
        <translation>--data-dir needs a directory</translation>
    </message>
    <message>
        <source>token revoke needs the id of a token (see token list)</source>
        <translation>token revoke needs the id of a token (see token list)</translation>
    </message>
    <message>
        <source>--user: &quot;%1&quot; is not an email address</source>
        <translation>--user: &quot;%1&quot; is not an email address</translation>
    </message>
    <message>
        <source>--expires-in: &quot;%1&quot; is not a number of days from 1 to 3650</source>
        <translation>--expires-in: &quot;%1&quot; is not a number of days from 1 to 3650</translation>
    </message>
    <message>
        <source>token create needs --user EMAIL</source>
        <translation>token create needs --user EMAIL</translation>
    </message>
    <message>
        <source>--role: &quot;%1&quot; is not one of OWNER, ADMIN, MEMBER, VIEWER</source>
        <translation>--role: &quot;%1&quot; is not one of OWNER, ADMIN, MEMBER, VIEWER</translation>
    </message>
    <message>
        <source>--workspace needs a name</source>
        <translation>--workspace needs a name</translation>
    </message>
    <message>
        <source>--listen: &quot;%1&quot; is not HOST:PORT (for example 127.0.0.1:8787)</source>
        <translation>--listen: &quot;%1&quot; is not HOST:PORT (for example 127.0.0.1:8787)</translation>
    </message>
    <message>
        <source>--workers: &quot;%1&quot; is not a number from 1 to 64</source>
        <translation>--workers: &quot;%1&quot; is not a number from 1 to 64</translation>
    </message>
    <message>
        <source>--public-url: &quot;%1&quot; is not an http(s) URL</source>
        <translation>--public-url: &quot;%1&quot; is not an http(s) URL</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionActionController</name>
    <message>
        <source>Connection &quot;%1&quot; created.</source>
        <translation>Connection &quot;%1&quot; created.</translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation>Delete Connection</translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot;?</source>
        <translation>Delete the connection &quot;%1&quot;?</translation>
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
        <source>Connection &quot;%1&quot; deleted.</source>
        <translation>Connection &quot;%1&quot; deleted.</translation>
    </message>
    <message>
        <source>A sync of &quot;%1&quot; is already running.</source>
        <translation>A sync of &quot;%1&quot; is already running.</translation>
    </message>
    <message>
        <source>Sync of &quot;%1&quot; started.</source>
        <translation>Sync of &quot;%1&quot; started.</translation>
    </message>
    <message>
        <source>No sync is running.</source>
        <translation>No sync is running.</translation>
    </message>
    <message>
        <source>Sync stopped; what it had saved is kept.</source>
        <translation>Sync stopped; what it had saved is kept.</translation>
    </message>
    <message numerus="yes">
        <source>%n sync(s) started.</source>
        <translation>
            <numerusform>%n sync started.</numerusform>
            <numerusform>%n syncs started.</numerusform>
        </translation>
    </message>
    <message>
        <source>Others are disabled or already running.</source>
        <translation>Others are disabled or already running.</translation>
    </message>
    <message>
        <source>Variant created.</source>
        <translation>Variant created.</translation>
    </message>
    <message>
        <source>Authorized.</source>
        <translation>Authorized.</translation>
    </message>
    <message>
        <source>Connection saved.</source>
        <translation>Connection saved.</translation>
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
    <message>
        <source>S&amp;treams</source>
        <translation>S&amp;treams</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>R&amp;uns</translation>
    </message>
    <message>
        <source>T&amp;ables</source>
        <translation>T&amp;ables</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionEditDialog</name>
    <message>
        <source>Why the connection was not saved</source>
        <translation>Why the connection was not saved</translation>
    </message>
    <message>
        <source>Edit Connection</source>
        <translation>Edit Connection</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Connection name</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Replace the credentials</source>
        <translation>Replace the credentials</translation>
    </message>
    <message>
        <source>A field left empty keeps its stored value. New values are encrypted, never shown again, and checked with %1 at the next sync or check.</source>
        <translation>A field left empty keeps its stored value. New values are encrypted, never shown again, and checked with %1 at the next sync or check.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>This connection signs in to %1 with OAuth: use Authorize to connect it to another account.</source>
        <translation>This connection signs in to %1 with OAuth: use Authorize to connect it to another account.</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Give the connection a name.</translation>
    </message>
    <message>
        <source>The connection was not saved: %1</source>
        <translation>The connection was not saved: %1</translation>
    </message>
    <message>
        <source>Streams read at once</source>
        <translation>Streams read at once</translation>
    </message>
    <message>
        <source>How many streams, and parts of a stream such as the tickets of each project, a sync reads at the same time. 1 reads one request after another.</source>
        <translation>How many streams, and parts of a stream such as the tickets of each project, a sync reads at the same time. 1 reads one request after another.</translation>
    </message>
    <message>
        <source>Streams &amp;read at once:</source>
        <translation>Streams &amp;read at once:</translation>
    </message>
    <message>
        <source>Sync a&amp;utomatically</source>
        <translation>Sync a&amp;utomatically</translation>
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
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>not stored</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>A variant of &quot;%1&quot; with a copy of its credentials: Check Now or its first sync connects it.</source>
        <translation>A variant of &quot;%1&quot; with a copy of its credentials: Check Now or its first sync connects it.</translation>
    </message>
    <message>
        <source>%1 — %2, variant %3</source>
        <translation>%1 — %2, variant %3</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionListView</name>
    <message>
        <source>Connections</source>
        <translation>Connections</translation>
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
        <source>Label &quot;%1&quot;</source>
        <translation>Label &quot;%1&quot;</translation>
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
    <message>
        <source>Chec&amp;k Now</source>
        <translation>Chec&amp;k Now</translation>
    </message>
    <message>
        <source>Check the connection with the provider</source>
        <translation>Check the connection with the provider</translation>
    </message>
    <message>
        <source>Validate the stored credentials with one cheap call to the provider</source>
        <translation>Validate the stored credentials with one cheap call to the provider</translation>
    </message>
    <message>
        <source>&amp;Reveal Webhook URL</source>
        <translation>&amp;Reveal Webhook URL</translation>
    </message>
    <message>
        <source>Reveal the webhook URL</source>
        <translation>Reveal the webhook URL</translation>
    </message>
    <message>
        <source>Shows the secret URL that starts a sync of this connection; the reveal is audit-logged</source>
        <translation>Shows the secret URL that starts a sync of this connection; the reveal is audit-logged</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>Copy the webhook URL</source>
        <translation>Copy the webhook URL</translation>
    </message>
    <message>
        <source>Example call</source>
        <translation>Example call</translation>
    </message>
    <message>
        <source>Webhook:</source>
        <translation>Webhook:</translation>
    </message>
    <message>
        <source>Webhook URL copied.</source>
        <translation>Webhook URL copied.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Connection works: %1</source>
        <translation>Connection works: %1</translation>
    </message>
    <message>
        <source>Connection check failed: %1</source>
        <translation>Connection check failed: %1</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Enabled</translation>
    </message>
    <message>
        <source>Scheduled, webhook and run-all syncs may start.</source>
        <translation>Scheduled, webhook and run-all syncs may start.</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionSettingsForm</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>Problem with the settings</translation>
    </message>
    <message>
        <source>Several values, separated by commas</source>
        <translation>Several values, separated by commas</translation>
    </message>
    <message>
        <source>https://… (leave empty for the provider&apos;s own service)</source>
        <translation>https://… (leave empty for the provider&apos;s own service)</translation>
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
        <translation>&quot;%1&quot; is required.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an http:// or https:// address.</source>
        <translation>&quot;%1&quot; must be an http:// or https:// address.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: &quot;%2&quot; is not %3.</source>
        <translation>&quot;%1&quot;: &quot;%2&quot; is not %3.</translation>
    </message>
    <message>
        <source>in the expected form</source>
        <translation>in the expected form</translation>
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
    <message>
        <source>Discovered after the sign-in</source>
        <translation>Discovered after the sign-in</translation>
    </message>
    <message>
        <source>All streams</source>
        <translation>All streams</translation>
    </message>
    <message>
        <source>%1
First sync now</source>
        <translation>%1
First sync now</translation>
    </message>
    <message>
        <source>%1
No sync until you start one or the schedule does</source>
        <translation>%1
No sync until you start one or the schedule does</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectionTestPage</name>
    <message>
        <source>Test &amp;Again</source>
        <translation>Test &amp;Again</translation>
    </message>
    <message>
        <source>&amp;Save the connection without a successful test</source>
        <translation>&amp;Save the connection without a successful test</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Opbox Pipelines asks the provider whether these credentials work. Nothing is saved yet.</source>
        <translation>Opbox Pipelines asks the provider whether these credentials work. Nothing is saved yet.</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Test result</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>Testing</translation>
    </message>
    <message>
        <source>Test the credentials again</source>
        <translation>Test the credentials again</translation>
    </message>
    <message>
        <source>Save the connection without a successful test</source>
        <translation>Save the connection without a successful test</translation>
    </message>
    <message>
        <source>For example when the provider cannot be reached from here right now.</source>
        <translation>For example when the provider cannot be reached from here right now.</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Asking %1…</translation>
    </message>
    <message>
        <source>The credentials work. The provider says: %1</source>
        <translation>The credentials work. The provider says: %1</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>The test failed: %1</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectorBuilderActions</name>
    <message>
        <source>REST API with a bearer token (minimal)</source>
        <translation>REST API with a bearer token (minimal)</translation>
    </message>
    <message>
        <source>Pipedrive (API token in the query, cursor pages)</source>
        <translation>Pipedrive (API token in the query, cursor pages)</translation>
    </message>
    <message>
        <source>Stripe (bearer secret key, starting_after pages)</source>
        <translation>Stripe (bearer secret key, starting_after pages)</translation>
    </message>
    <message>
        <source>not valid JSON here: %1</source>
        <translation>not valid JSON here: %1</translation>
    </message>
    <message>
        <source>a manifest is a JSON object: write { … } around its keys</source>
        <translation>a manifest is a JSON object: write { … } around its keys</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectorBuilderDialog</name>
    <message>
        <source>Why the last action failed</source>
        <translation>Why the last action failed</translation>
    </message>
    <message>
        <source>&amp;New from template</source>
        <translation>&amp;New from template</translation>
    </message>
    <message>
        <source>&amp;Open installed</source>
        <translation>&amp;Open installed</translation>
    </message>
    <message>
        <source>&amp;Test read</source>
        <translation>&amp;Test read</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Install</translation>
    </message>
    <message>
        <source>Connector Builder</source>
        <translation>Connector Builder</translation>
    </message>
    <message>
        <source>Start from a template (Undo brings the current text back)</source>
        <translation>Start from a template (Undo brings the current text back)</translation>
    </message>
    <message>
        <source>Edit a connector type you installed</source>
        <translation>Edit a connector type you installed</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Cr&amp;edentials</source>
        <translation>Cr&amp;edentials</translation>
    </message>
    <message>
        <source>Test re&amp;sults</source>
        <translation>Test re&amp;sults</translation>
    </message>
    <message>
        <source>Read at most 5 pages or 100 records of each stream; nothing is stored</source>
        <translation>Read at most 5 pages or 100 records of each stream; nothing is stored</translation>
    </message>
    <message>
        <source>Install the connector type; New Connection offers it at once</source>
        <translation>Install the connector type; New Connection offers it at once</translation>
    </message>
    <message>
        <source>No connector types installed yet</source>
        <translation>No connector types installed yet</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Line %1</translation>
    </message>
    <message>
        <source>Line %1, %2</source>
        <translation>Line %1, %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Problems: none</source>
        <translation>&amp;Problems: none</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Problems (%n)</source>
        <translation>
            <numerusform>&amp;Problems (%n)</numerusform>
            <numerusform>&amp;Problems (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is valid.</source>
        <translation>%1 is valid.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before a test read or install.</source>
        <translation>
            <numerusform>%n problem to fix before a test read or install.</numerusform>
            <numerusform>%n problems to fix before a test read or install.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading a few pages of each stream…</source>
        <translation>Reading a few pages of each stream…</translation>
    </message>
    <message>
        <source>The test read failed.</source>
        <translation>The test read failed.</translation>
    </message>
    <message numerus="yes">
        <source>Test read done: %n stream(s) failed.</source>
        <translation>
            <numerusform>Test read done: %n stream failed.</numerusform>
            <numerusform>Test read done: %n streams failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Test read done: %n stream(s) read.</source>
        <translation>
            <numerusform>Test read done: %n stream read.</numerusform>
            <numerusform>Test read done: %n streams read.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is installed: New Connection offers it now.</source>
        <translation>%1 is installed: New Connection offers it now.</translation>
    </message>
    <message>
        <source>Only the installation&apos;s owner can install connector types</source>
        <translation>Only the installation&apos;s owner can install connector types</translation>
    </message>
    <message>
        <source>Values for the test read</source>
        <translation>Values for the test read</translation>
    </message>
    <message>
        <source>Credentials and test results</source>
        <translation>Credentials and test results</translation>
    </message>
</context>
<context>
    <name>Opbox::ConnectorBuilderForm</name>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>The test read uses these values; they are not stored. The fields are the ones the manifest declares under &quot;credentials&quot; and &quot;config&quot;.</source>
        <translation>The test read uses these values; they are not stored. The fields are the ones the manifest declares under &quot;credentials&quot; and &quot;config&quot;.</translation>
    </message>
    <message>
        <source>The manifest declares no fields here.</source>
        <translation>The manifest declares no fields here.</translation>
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
        <translation>values separated by commas</translation>
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
        <translation>Why the stream could not be read</translation>
    </message>
    <message>
        <source>Strea&amp;m:</source>
        <translation>Strea&amp;m:</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Inferred columns</source>
        <translation>Inferred columns</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Request log</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
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
        <translation>Press Test read to read a few pages of each stream (nothing is stored).</translation>
    </message>
    <message>
        <source>%1 (failed)</source>
        <translation>%1 (failed)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
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
        <source>https://… (leave empty for the provider&apos;s own service)</source>
        <translation>https://… (leave empty for the provider&apos;s own service)</translation>
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
        <translation>Give the connection a name.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required.</source>
        <translation>&quot;%1&quot; is required.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs at least one value.</source>
        <translation>&quot;%1&quot; needs at least one value.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an http:// or https:// address.</source>
        <translation>&quot;%1&quot; must be an http:// or https:// address.</translation>
    </message>
    <message>
        <source>Connection details form</source>
        <translation>Connection details form</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>Where to get them, and which permissions (scopes) they need: &lt;a href=&quot;%1&quot;&gt;%2 documentation&lt;/a&gt;</source>
        <translation>Where to get them, and which permissions (scopes) they need: &lt;a href=&quot;%1&quot;&gt;%2 documentation&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Where to get the credentials</source>
        <translation>Where to get the credentials</translation>
    </message>
</context>
<context>
    <name>Opbox::CursorChoicePage</name>
    <message>
        <source>Sync the checked streams again &amp;from:</source>
        <translation>Sync the checked streams again &amp;from:</translation>
    </message>
    <message>
        <source>F&amp;ull resync: clear every stream&apos;s cursor</source>
        <translation>F&amp;ull resync: clear every stream&apos;s cursor</translation>
    </message>
    <message>
        <source>Reset Cursor</source>
        <translation>Reset Cursor</translation>
    </message>
    <message>
        <source>Streams with their current cursors</source>
        <translation>Streams with their current cursors</translation>
    </message>
    <message>
        <source>Sync the checked streams again from a date</source>
        <translation>Sync the checked streams again from a date</translation>
    </message>
    <message>
        <source>Full resync of every stream</source>
        <translation>Full resync of every stream</translation>
    </message>
    <message>
        <source>Date and time to sync again from</source>
        <translation>Date and time to sync again from</translation>
    </message>
    <message>
        <source>Incremental streams continue where the last sync stopped (their cursor). Move that point back to fetch older changes again, or start over.</source>
        <translation>Incremental streams continue where the last sync stopped (their cursor). Move that point back to fetch older changes again, or start over.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Skip %n day(s) of changes: what changed between the stored cursor and this date is never synced.</source>
        <translation>
            <numerusform>&amp;Skip %n day of changes: what changed between the stored cursor and this date is never synced.</numerusform>
            <numerusform>&amp;Skip %n days of changes: what changed between the stored cursor and this date is never synced.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::CursorConfirmPage</name>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>What the reset does</source>
        <translation>What the reset does</translation>
    </message>
    <message>
        <source>Why the reset failed</source>
        <translation>Why the reset failed</translation>
    </message>
    <message>
        <source>Every stream&apos;s cursor is cleared. The next sync reads all data again; existing rows are updated, none are duplicated.</source>
        <translation>Every stream&apos;s cursor is cleared. The next sync reads all data again; existing rows are updated, none are duplicated.</translation>
    </message>
    <message>
        <source>The next sync fetches changes since %1 for:</source>
        <translation>The next sync fetches changes since %1 for:</translation>
    </message>
    <message>
        <source>• %1 (not synced yet)</source>
        <translation>• %1 (not synced yet)</translation>
    </message>
    <message>
        <source>• %1 (now at %2)</source>
        <translation>• %1 (now at %2)</translation>
    </message>
    <message>
        <source>The cursor was not reset: %1</source>
        <translation>The cursor was not reset: %1</translation>
    </message>
    <message numerus="yes">
        <source>Changes of %n day(s) before that date are skipped.</source>
        <translation>
            <numerusform>Changes of %n day before that date are skipped.</numerusform>
            <numerusform>Changes of %n days before that date are skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::CursorResetWizard</name>
    <message>
        <source>Reset Cursor</source>
        <translation>Reset Cursor</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <source>Every cursor cleared: the next sync reads everything again.</source>
        <translation>Every cursor cleared: the next sync reads everything again.</translation>
    </message>
    <message numerus="yes">
        <source>%n stream(s) will sync again from %1.</source>
        <translation>
            <numerusform>%n stream will sync again from %1.</numerusform>
            <numerusform>%n streams will sync again from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::DisplayGuard</name>
    <message>
        <source>no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); use --server to run headless</source>
        <translation>no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); use --server to run headless</translation>
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
    <message>
        <source>&amp;Run Now</source>
        <translation>&amp;Run Now</translation>
    </message>
    <message>
        <source>Sync the selected connection now</source>
        <translation>Sync the selected connection now</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Stop the running sync of the selected connection</source>
        <translation>Stop the running sync of the selected connection</translation>
    </message>
    <message>
        <source>Run &amp;All</source>
        <translation>Run &amp;All</translation>
    </message>
    <message>
        <source>Sync every enabled connection</source>
        <translation>Sync every enabled connection</translation>
    </message>
    <message>
        <source>New &amp;Variant…</source>
        <translation>New &amp;Variant…</translation>
    </message>
    <message>
        <source>A copy of the selected connection with its own label, schedule and cursors</source>
        <translation>A copy of the selected connection with its own label, schedule and cursors</translation>
    </message>
    <message>
        <source>Reset &amp;Cursor…</source>
        <translation>Reset &amp;Cursor…</translation>
    </message>
    <message>
        <source>Re-sync from a date, or everything</source>
        <translation>Re-sync from a date, or everything</translation>
    </message>
    <message>
        <source>Sign in to the provider again (OAuth connections)</source>
        <translation>Sign in to the provider again (OAuth connections)</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notifications</translation>
    </message>
    <message>
        <source>Completed and failed syncs</source>
        <translation>Completed and failed syncs</translation>
    </message>
    <message>
        <source>&amp;Notifications (%1)</source>
        <translation>&amp;Notifications (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n unread notification</numerusform>
            <numerusform>%n unread notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>A&amp;uthorize…</source>
        <translation>A&amp;uthorize…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Rename the selected connection or replace its credentials</source>
        <translation>Rename the selected connection or replace its credentials</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Syncs started here</source>
        <translation>Syncs started here</translation>
    </message>
    <message>
        <source>Ac&amp;tivity</source>
        <translation>Ac&amp;tivity</translation>
    </message>
    <message>
        <source>The syncs started in this window and how they ended</source>
        <translation>The syncs started in this window and how they ended</translation>
    </message>
    <message>
        <source>Connector &amp;Builder…</source>
        <translation>Connector &amp;Builder…</translation>
    </message>
    <message>
        <source>Write, test and install a connector type for any REST API</source>
        <translation>Write, test and install a connector type for any REST API</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
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
        <translation>The connector manifest as JSON; lines with problems are marked</translation>
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
    <message>
        <source>Create and &amp;Sign In &gt;</source>
        <translation>Create and &amp;Sign In &gt;</translation>
    </message>
</context>
<context>
    <name>Opbox::NotificationListModel</name>
    <message>
        <source>Sync completed: %1</source>
        <translation>Sync completed: %1</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <source>Syncing %1</source>
        <translation>Syncing %1</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>The sync failed.</source>
        <translation>The sync failed.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) synced (%1 new, %2 updated).</source>
        <translation>
            <numerusform>%n row synced (%1 new, %2 updated).</numerusform>
            <numerusform>%n rows synced (%1 new, %2 updated).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) synced so far.</source>
        <translation>
            <numerusform>%n row synced so far.</numerusform>
            <numerusform>%n rows synced so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) synced so far; stream %1 (%2 of %3).</source>
        <translation>
            <numerusform>%n row synced so far; stream %1 (%2 of %3).</numerusform>
            <numerusform>%n rows synced so far; stream %1 (%2 of %3).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::NotificationsDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>No notifications. Completed and failed syncs are reported here.</source>
        <translation>No notifications. Completed and failed syncs are reported here.</translation>
    </message>
    <message>
        <source>Mark &amp;all as read</source>
        <translation>Mark &amp;all as read</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Mark all as read</translation>
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
    <name>Opbox::OAuthAuthorizePage</name>
    <message>
        <source>&amp;Open the Sign-in Page Again</source>
        <translation>&amp;Open the Sign-in Page Again</translation>
    </message>
    <message>
        <source>&amp;Use Code</source>
        <translation>&amp;Use Code</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Try Again</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Sign In</translation>
    </message>
    <message>
        <source>Allow Opbox Pipelines to read your data in the browser window that opens. This page continues by itself when the provider sends you back.</source>
        <translation>Allow Opbox Pipelines to read your data in the browser window that opens. This page continues by itself when the provider sends you back.</translation>
    </message>
    <message>
        <source>Sign-in state</source>
        <translation>Sign-in state</translation>
    </message>
    <message>
        <source>Waiting for the sign-in</source>
        <translation>Waiting for the sign-in</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>Open the sign-in page again</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Sign-in address</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Authorization code</translation>
    </message>
    <message>
        <source>Paste the code from the address the browser shows</source>
        <translation>Paste the code from the address the browser shows</translation>
    </message>
    <message>
        <source>Use the pasted code</source>
        <translation>Use the pasted code</translation>
    </message>
    <message>
        <source>Try the sign-in again</source>
        <translation>Try the sign-in again</translation>
    </message>
    <message>
        <source>If the browser cannot reach this computer, copy the value of &quot;code&quot; from the address it ends on and paste it here:</source>
        <translation>If the browser cannot reach this computer, copy the value of &quot;code&quot; from the address it ends on and paste it here:</translation>
    </message>
    <message>
        <source>Connected. The streams were discovered; the connection is ready to sync.</source>
        <translation>Connected. The streams were discovered; the connection is ready to sync.</translation>
    </message>
    <message>
        <source>Connected. The connection is ready to sync.</source>
        <translation>Connected. The connection is ready to sync.</translation>
    </message>
    <message>
        <source>The provider did not grant access: %1</source>
        <translation>The provider did not grant access: %1</translation>
    </message>
    <message>
        <source>Waiting for you to sign in in the browser…</source>
        <translation>Waiting for you to sign in in the browser…</translation>
    </message>
    <message>
        <source>No browser could be opened. Open the address below yourself, then paste the code.</source>
        <translation>No browser could be opened. Open the address below yourself, then paste the code.</translation>
    </message>
    <message>
        <source>Exchanging the code…</source>
        <translation>Exchanging the code…</translation>
    </message>
    <message>
        <source>The code was not accepted: %1</source>
        <translation>The code was not accepted: %1</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copy URL</translation>
    </message>
    <message>
        <source>Copy the sign-in address</source>
        <translation>Copy the sign-in address</translation>
    </message>
    <message>
        <source>The sign-in address is on the clipboard: open it in a browser where you can sign in.</source>
        <translation>The sign-in address is on the clipboard: open it in a browser where you can sign in.</translation>
    </message>
    <message>
        <source>Sign-in &amp;page:</source>
        <translation>Sign-in &amp;page:</translation>
    </message>
</context>
<context>
    <name>Opbox::OAuthClientPage</name>
    <message>
        <source>OAuth App</source>
        <translation>OAuth App</translation>
    </message>
    <message>
        <source>Enter the client id and secret of the app you registered with the provider. Its redirect URI must point to this computer&apos;s API server.</source>
        <translation>Enter the client id and secret of the app you registered with the provider. Its redirect URI must point to this computer&apos;s API server.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Connection name</translation>
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
        <source>Problem with the form</source>
        <translation>Problem with the form</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Client &amp;ID *:</source>
        <translation>Client &amp;ID *:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret *:</source>
        <translation>Client s&amp;ecret *:</translation>
    </message>
    <message>
        <source>https://… (leave empty for the provider&apos;s own service)</source>
        <translation>https://… (leave empty for the provider&apos;s own service)</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Keep the stored client id</source>
        <translation>Keep the stored client id</translation>
    </message>
    <message>
        <source>Keep the stored client secret</source>
        <translation>Keep the stored client secret</translation>
    </message>
    <message>
        <source>Sign in to %1 again. Leave the client fields empty to keep the stored ones.</source>
        <translation>Sign in to %1 again. Leave the client fields empty to keep the stored ones.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an http:// or https:// address.</source>
        <translation>&quot;%1&quot; must be an http:// or https:// address.</translation>
    </message>
</context>
<context>
    <name>Opbox::OAuthWizard</name>
    <message>
        <source>Sign In to a Service</source>
        <translation>Sign In to a Service</translation>
    </message>
    <message>
        <source>&amp;Sign In &gt;</source>
        <translation>&amp;Sign In &gt;</translation>
    </message>
</context>
<context>
    <name>Opbox::OpboxTableListModel</name>
    <message numerus="yes">
        <source>Shared by %n connection(s) of a variant group</source>
        <translation>
            <numerusform>Shared by %n connection of a variant group</numerusform>
            <numerusform>Shared by %n connections of a variant group</numerusform>
        </translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>Opbox::RedirectUriEdit</name>
    <message>
        <source>Redirect URI</source>
        <translation>Redirect URI</translation>
    </message>
    <message>
        <source>Register this address as the redirect URI of your OAuth app at the provider.</source>
        <translation>Register this address as the redirect URI of your OAuth app at the provider.</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>&amp;Redirect URI:</translation>
    </message>
</context>
<context>
    <name>Opbox::RunChartWidget</name>
    <message>
        <source>Chart of the last runs</source>
        <translation>Chart of the last runs</translation>
    </message>
    <message>
        <source>Rows synced</source>
        <translation>Rows synced</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>Duration (seconds)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>No finished runs yet</source>
        <translation>No finished runs yet</translation>
    </message>
    <message numerus="yes">
        <source>Last %n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>The last %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::RunListModel</name>
    <message>
        <source>Waiting for a free worker</source>
        <translation>Waiting for a free worker</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 streams · %3 rows</source>
        <translation>%1 of %2 streams · %3 rows</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>%1 new, %2 updated</source>
        <translation>%1 new, %2 updated</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Started by</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Progress or error</source>
        <translation>Progress or error</translation>
    </message>
</context>
<context>
    <name>Opbox::RunStripDelegate</name>
    <message numerus="yes">
        <source>Last %n run(s), oldest first: %1</source>
        <translation>
            <numerusform>Last %n run: %1</numerusform>
            <numerusform>Last %n runs, oldest first: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::RunsWidget</name>
    <message>
        <source>No runs yet. Start one with Run Now.</source>
        <translation>No runs yet. Start one with Run Now.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Run details</source>
        <translation>Run details</translation>
    </message>
    <message>
        <source>Select a run to see its details.</source>
        <translation>Select a run to see its details.</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Run %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Started by: %1</source>
        <translation>Started by: %1</translation>
    </message>
    <message>
        <source>Streams: %1</source>
        <translation>Streams: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Started: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Finished: %1</translation>
    </message>
    <message>
        <source>Rows: %1 synced, %2 new, %3 updated</source>
        <translation>Rows: %1 synced, %2 new, %3 updated</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>Progress: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Reading now: %1</source>
        <translation>Reading now: %1</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Skipped: %1</translation>
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
    <name>Opbox::SecretLineEdit</name>
    <message>
        <source>Show or hide the value</source>
        <translation>Show or hide the value</translation>
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
    <message>
        <source>A new number takes effect the next time Opbox Pipelines starts.</source>
        <translation>A new number takes effect the next time Opbox Pipelines starts.</translation>
    </message>
</context>
<context>
    <name>Opbox::StreamListModel</name>
    <message>
        <source>No connector is available for %1.</source>
        <translation>No connector is available for %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n stream(s) found.</source>
        <translation>
            <numerusform>%n stream found.</numerusform>
            <numerusform>%n streams found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read for each record of &quot;%1&quot;</source>
        <translation>Read for each record of &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Incremental on %1</source>
        <translation>Incremental on %1</translation>
    </message>
    <message>
        <source>Incremental</source>
        <translation>Incremental</translation>
    </message>
    <message>
        <source>Full refresh</source>
        <translation>Full refresh</translation>
    </message>
    <message>
        <source>Primary key: %1</source>
        <translation>Primary key: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Re-read every sync</source>
        <translation>Re-read every sync</translation>
    </message>
    <message>
        <source>primary key</source>
        <translation>primary key</translation>
    </message>
    <message>
        <source>cursor field</source>
        <translation>cursor field</translation>
    </message>
    <message>
        <source>Stream or field</source>
        <translation>Stream or field</translation>
    </message>
    <message>
        <source>Sync mode or type</source>
        <translation>Sync mode or type</translation>
    </message>
    <message>
        <source>Cursor</source>
        <translation>Cursor</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>No table yet</source>
        <translation>No table yet</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Last synced</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
    <message>
        <source>not in the table</source>
        <translation>not in the table</translation>
    </message>
    <message>
        <source>Table column</source>
        <translation>Table column</translation>
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
        <translation>Streams of the connector</translation>
    </message>
    <message>
        <source>Start the first sync right away</source>
        <translation>Start the first sync right away</translation>
    </message>
    <message>
        <source>Start the &amp;first sync right away</source>
        <translation>Start the &amp;first sync right away</translation>
    </message>
    <message>
        <source>Each checked stream becomes an Opbox table and is read by every sync of this connection; you can change the choice later on the Streams tab. Expand a stream to see its fields and their types.</source>
        <translation>Each checked stream becomes an Opbox table and is read by every sync of this connection; you can change the choice later on the Streams tab. Expand a stream to see its fields and their types.</translation>
    </message>
</context>
<context>
    <name>Opbox::StreamsWidget</name>
    <message>
        <source>&amp;Discover</source>
        <translation>&amp;Discover</translation>
    </message>
    <message>
        <source>Streams and fields</source>
        <translation>Streams and fields</translation>
    </message>
    <message>
        <source>Discover streams from the provider</source>
        <translation>Discover streams from the provider</translation>
    </message>
    <message>
        <source>Ask the provider which streams and fields this connection offers</source>
        <translation>Ask the provider which streams and fields this connection offers</translation>
    </message>
    <message>
        <source>Discovering</source>
        <translation>Discovering</translation>
    </message>
    <message>
        <source>Discovery result</source>
        <translation>Discovery result</translation>
    </message>
    <message>
        <source>Asking the provider…</source>
        <translation>Asking the provider…</translation>
    </message>
    <message>
        <source>Discovery failed: %1</source>
        <translation>Discovery failed: %1</translation>
    </message>
    <message>
        <source>&amp;Apply Selection</source>
        <translation>&amp;Apply Selection</translation>
    </message>
    <message>
        <source>Apply the stream selection</source>
        <translation>Apply the stream selection</translation>
    </message>
    <message>
        <source>Save which streams the syncs of this connection read</source>
        <translation>Save which streams the syncs of this connection read</translation>
    </message>
    <message>
        <source>Stream selection</source>
        <translation>Stream selection</translation>
    </message>
    <message>
        <source>Check at least one stream.</source>
        <translation>Check at least one stream.</translation>
    </message>
    <message>
        <source>Syncs read every stream.</source>
        <translation>Syncs read every stream.</translation>
    </message>
    <message>
        <source>Syncs read %1 of %2 streams: %3</source>
        <translation>Syncs read %1 of %2 streams: %3</translation>
    </message>
    <message>
        <source>The stream selection was not saved: %1</source>
        <translation>The stream selection was not saved: %1</translation>
    </message>
    <message>
        <source>Stream selection saved.</source>
        <translation>Stream selection saved.</translation>
    </message>
</context>
<context>
    <name>Opbox::TableColumnModel</name>
    <message>
        <source>added %1</source>
        <translation>added %1</translation>
    </message>
    <message numerus="yes">
        <source>%1, widened %n time(s)</source>
        <translation>
            <numerusform>%1, widened %n time</numerusform>
            <numerusform>%1, widened %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>Widened</source>
        <translation>Widened</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>by run %1</source>
        <translation>by run %1</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Field or when</source>
        <translation>Field or when</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>Opbox::TableDataModel</name>
    <message>
        <source>empty</source>
        <translation>empty</translation>
    </message>
</context>
<context>
    <name>Opbox::TablesWidget</name>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>No tables yet: the first sync creates one per stream.</source>
        <translation>No tables yet: the first sync creates one per stream.</translation>
    </message>
    <message>
        <source>Opbox tables</source>
        <translation>Opbox tables</translation>
    </message>
    <message>
        <source>Columns and their history</source>
        <translation>Columns and their history</translation>
    </message>
    <message>
        <source>Table rows</source>
        <translation>Table rows</translation>
    </message>
    <message>
        <source>Filter rows (any column contains…)</source>
        <translation>Filter rows (any column contains…)</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>Filter rows</translation>
    </message>
    <message>
        <source>Export the table to a CSV file</source>
        <translation>Export the table to a CSV file</translation>
    </message>
    <message>
        <source>Table browser state</source>
        <translation>Table browser state</translation>
    </message>
    <message>
        <source>Table details</source>
        <translation>Table details</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>Co&amp;lumns</source>
        <translation>Co&amp;lumns</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>Cannot read the table: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation>
            <numerusform>%n row shown</numerusform>
            <numerusform>%n rows shown</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · loading…</source>
        <translation>%1 · loading…</translation>
    </message>
    <message>
        <source>%1 · scroll for more</source>
        <translation>%1 · scroll for more</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exporting… %1 rows written</source>
        <translation>Exporting… %1 rows written</translation>
    </message>
    <message>
        <source>%1 rows exported to %2</source>
        <translation>%1 rows exported to %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
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
    <message>
        <source>Sync failed: %1</source>
        <translation>Sync failed: %1</translation>
    </message>
    <message>
        <source>Sync completed: %1</source>
        <translation>Sync completed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) synced (%1 new, %2 updated).</source>
        <translation>
            <numerusform>%n row synced (%1 new, %2 updated).</numerusform>
            <numerusform>%n rows synced (%1 new, %2 updated).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Opbox::VariantConfirmPage</name>
    <message>
        <source>Create the Variant</source>
        <translation>Create the Variant</translation>
    </message>
    <message>
        <source>Summary of the variant</source>
        <translation>Summary of the variant</translation>
    </message>
    <message>
        <source>Why the variant could not be created</source>
        <translation>Why the variant could not be created</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation>Label: %1</translation>
    </message>
    <message>
        <source>the next free number</source>
        <translation>the next free number</translation>
    </message>
    <message>
        <source>Tables: its own</source>
        <translation>Tables: its own</translation>
    </message>
    <message>
        <source>Tables: shared with its group, rows told apart by the label</source>
        <translation>Tables: shared with its group, rows told apart by the label</translation>
    </message>
    <message>
        <source>The credentials are copied (encrypted again for the variant). The variant has its own schedule, cursors and a new webhook URL.</source>
        <translation>The credentials are copied (encrypted again for the variant). The variant has its own schedule, cursors and a new webhook URL.</translation>
    </message>
    <message>
        <source>The variant could not be created: %1</source>
        <translation>The variant could not be created: %1</translation>
    </message>
</context>
<context>
    <name>Opbox::VariantDetailsPage</name>
    <message>
        <source>Variant</source>
        <translation>Variant</translation>
    </message>
    <message>
        <source>A variant syncs the same service with the same credentials under its own label, schedule, cursors and webhook.</source>
        <translation>A variant syncs the same service with the same credentials under its own label, schedule, cursors and webhook.</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message>
        <source>Tables it writes:</source>
        <translation>Tables it writes:</translation>
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
        <translation>Give the variant its &amp;own tables</translation>
    </message>
    <message>
        <source>New Variant</source>
        <translation>New Variant</translation>
    </message>
    <message>
        <source>Variant name</source>
        <translation>Variant name</translation>
    </message>
    <message>
        <source>Variant label</source>
        <translation>Variant label</translation>
    </message>
    <message>
        <source>Empty: the next number in the group</source>
        <translation>Empty: the next number in the group</translation>
    </message>
    <message>
        <source>Give the variant its own tables</source>
        <translation>Give the variant its own tables</translation>
    </message>
    <message>
        <source>By default every variant of a group writes into the same tables.</source>
        <translation>By default every variant of a group writes into the same tables.</translation>
    </message>
    <message>
        <source>Preview of the table names</source>
        <translation>Preview of the table names</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>%1 (variant)</source>
        <translation>%1 (variant)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(the connector&apos;s streams)</source>
        <translation>(the connector&apos;s streams)</translation>
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
    <name>TableExportJob</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>the export was cancelled</translation>
    </message>
</context>
<context>
    <name>TableRowReader</name>
    <message>
        <source>the workspace&apos;s data file cannot be opened</source>
        <translation>the workspace&apos;s data file cannot be opened</translation>
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
