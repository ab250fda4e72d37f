<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../wizard/pages/pagehelpers.cpp" line="+55"/>
        <source>✓ passed</source>
        <translation>✓ bestanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ℹ info</source>
        <translation>ℹ Hinweis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ warning</source>
        <translation>⚠ Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✗ error</source>
        <translation>✗ Fehler</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location filename="../app/dashboard/lagchart.cpp" line="+26"/>
        <source>seconds since start</source>
        <translation>Sekunden seit dem Start</translation>
    </message>
</context>
<context>
    <name>fm::app::MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="+45"/>
        <source>FlexMigrate</source>
        <translation>FlexMigrate</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspect servers</source>
        <translation>Server untersuchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New migration…</source>
        <translation>&amp;Neue Migration …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in to &amp;Azure…</source>
        <translation>Bei &amp;Azure anmelden …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Migrations</source>
        <translation>&amp;Migrationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inspect servers</source>
        <translation>Server &amp;untersuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find migrations in Azure</source>
        <translation>Migrationen in Azure &amp;suchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n migration(s).</source>
        <translation>
            <numerusform>%n Migration.</numerusform>
            <numerusform>%n Migrationen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with “New migration…”, or inspect servers first.</source>
        <translation>Beginnen Sie mit „Neue Migration …“ oder untersuchen Sie zuerst die Server.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Signed in to Azure as %1.</source>
        <translation>Bei Azure angemeldet als %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+83"/>
        <source>Created %n migration(s).</source>
        <translation>
            <numerusform>%n Migration erstellt.</numerusform>
            <numerusform>%n Migrationen erstellt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+4"/>
        <source>Resume %1</source>
        <translation>%1 fortsetzen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Source password (user %1):</source>
        <translation>Passwort der Quelle (Benutzer %1):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Target password (user %1):</source>
        <translation>Passwort des Ziels (Benutzer %1):</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>Inspected at %1</source>
        <translation>Untersucht um %1</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::AzureSignIn</name>
    <message>
        <location filename="../app/dashboard/azuresignin.cpp" line="+25"/>
        <source>This build of FlexMigrate has no keychain support.</source>
        <translation>Dieser Build von FlexMigrate unterstützt keinen Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the Azure CLI login (%1)</source>
        <translation>die Azure CLI-Anmeldung (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an AAD application not named in the records (%1)</source>
        <translation>eine AAD-App, die in den Einträgen nicht genannt ist (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>app %1 in tenant %2 (%3)</source>
        <translation>App %1 im Mandanten %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n Azure migration(s) wait for a sign-in as %1: %2 Use File ▸ Sign in to Azure… to follow them.</source>
        <translation>
            <numerusform>%n Azure-Migration wartet auf eine Anmeldung als %1: %2 Verwenden Sie Datei ▸ Bei Azure anmelden …, um sie zu verfolgen.</numerusform>
            <numerusform>%n Azure-Migrationen warten auf eine Anmeldung als %1: %2 Verwenden Sie Datei ▸ Bei Azure anmelden …, um sie zu verfolgen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the records do not name the AAD application.</source>
        <translation>die Einträge nennen die AAD-App nicht.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>its client secret is not saved in the system keychain.</source>
        <translation>ihr geheimer Clientschlüssel ist nicht im Systemschlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system keychain could not be read (see the log).</source>
        <translation>der Systemschlüsselbund konnte nicht gelesen werden (siehe Protokoll).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A sign-in is already running.</source>
        <translation>Eine Anmeldung läuft bereits.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wait for it to finish.</source>
        <translation>Warten Sie, bis sie abgeschlossen ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client secret is empty.</source>
        <translation>Der geheime Clientschlüssel ist leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the secret&apos;s value (not its id) from the app registration&apos;s “Certificates &amp; secrets”.</source>
        <translation>Fügen Sie den Wert des Schlüssels (nicht seine ID) aus „Zertifikate &amp; Geheimnisse“ der App-Registrierung ein.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Signed in, but the secret was not saved in the system keychain: %1</source>
        <translation>Angemeldet, aber der geheime Schlüssel wurde nicht im Systemschlüsselbund gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::DashboardWidget</name>
    <message>
        <location filename="../app/dashboard/dashboardwidget.cpp" line="+38"/>
        <source>Find migrations in Azure</source>
        <translation>Migrationen in Azure suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists the migrations on the target servers this app knows and adds those it did not start.</source>
        <translation>Listet die Migrationen auf den Zielservern, die diese App kennt, und fügt jene hinzu, die sie nicht gestartet hat.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No migration yet. Use “New migration…” to start one.</source>
        <translation>Noch keine Migration. Starten Sie eine mit „Neue Migration …“.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>FlexMigrate</source>
        <translation>FlexMigrate</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Looking for migrations in Azure…</source>
        <translation>Suche nach Migrationen in Azure …</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Could not list the migrations in Azure: %1</source>
        <translation>Die Migrationen in Azure konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Found %n migration(s) in Azure that this app did not start.</source>
        <translation>
            <numerusform>%n Migration in Azure gefunden, die diese App nicht gestartet hat.</numerusform>
            <numerusform>%n Migrationen in Azure gefunden, die diese App nicht gestartet hat.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No other migration in Azure on the known target servers.</source>
        <translation>Keine weitere Migration in Azure auf den bekannten Zielservern.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n could not be observed (see the log).</source>
        <translation>
            <numerusform>%n konnte nicht beobachtet werden (siehe Protokoll).</numerusform>
            <numerusform>%n konnten nicht beobachtet werden (siehe Protokoll).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fm::dashboard::LagChart</name>
    <message>
        <location filename="../app/dashboard/lagchart.cpp" line="+33"/>
        <source>lag (s)</source>
        <translation>Rückstand (s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lag (MB)</source>
        <translation>Rückstand (MB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>copy (rows/s)</source>
        <translation>Kopie (Zeilen/s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changes applied (/s)</source>
        <translation>übernommene Änderungen (/s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replication lag</source>
        <translation>Replikationsrückstand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changes/s</source>
        <translation>Änderungen/s</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::MigrationListModel</name>
    <message>
        <location filename="../app/dashboard/migrationlistmodel.cpp" line="+87"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Substate</source>
        <translation>Teilstatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::MigrationView</name>
    <message>
        <location filename="../app/dashboard/migrationview.cpp" line="+69"/>
        <source>Cutover…</source>
        <translation>Umstellung …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel migration…</source>
        <translation>Migration abbrechen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validate now</source>
        <translation>Jetzt validieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with checksums</source>
        <translation>mit Prüfsummen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export report…</source>
        <translation>Bericht exportieren …</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+295"/>
        <source>Resume…</source>
        <translation>Fortsetzen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A direct migration continues from its journal after a restart; it needs the passwords again.</source>
        <translation>Eine direkte Migration setzt nach einem Neustart anhand ihres Journals fort; dafür braucht sie die Passwörter erneut.</translation>
    </message>
    <message>
        <location line="-291"/>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tables of this migration</source>
        <translation>Tabellen dieser Migration</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lag and throughput</source>
        <translation>Rückstand und Durchsatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Request id</source>
        <translation>Anforderungs-ID</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy error with code and request id</source>
        <translation>Fehler mit Code und Anforderungs-ID kopieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+284"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>Post-cutover checklist</source>
        <translation>Checkliste nach der Umstellung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify checklist</source>
        <translation>Checkliste prüfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt …</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cutover</source>
        <translation>Umstellung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cutover requested…</source>
        <translation>Umstellung angefordert …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel migration</source>
        <translation>Migration abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete migration</source>
        <translation>Migration löschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleting…</source>
        <translation>Wird gelöscht …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML (*.html);;PDF (*.pdf)</source>
        <translation>HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report saved to %1</source>
        <translation>Bericht gespeichert unter %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — waiting for: %1</source>
        <translation> – wartet auf: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — started %1 UTC</source>
        <translation> – gestartet %1 UTC</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied %1 rows, %2. Changes: %3 inserts, %4 updates, %5 deletes, %6 applied, %7 pending.</source>
        <translation>%1 Zeilen kopiert, %2. Änderungen: %3 Einfügungen, %4 Aktualisierungen, %5 Löschungen, %6 übernommen, %7 ausstehend.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> Lag: %1 / %2.</source>
        <translation> Rückstand: %1 / %2.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Cut over this database…</source>
        <translation>Diese Datenbank umstellen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cut over database %1…</source>
        <translation>Datenbank %1 umstellen …</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 rows/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, ETA %1</source>
        <translation>, voraussichtlich fertig %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>copy done</source>
        <translation>Kopie fertig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tables %1 queued, %2 copying, %3 done, %4 errored · %5 rows, %6 · %7%8 · lag %9 / %10 · changes %11</source>
        <translation>Tabellen: %1 wartend, %2 beim Kopieren, %3 fertig, %4 mit Fehler · %5 Zeilen, %6 · %7%8 · Rückstand %9 / %10 · Änderungen %11</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Every database is ready; the lag is under the limit.</source>
        <translation>Alle Datenbanken sind bereit; der Rückstand liegt unter der Grenze.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign in to Azure…</source>
        <translation>Bei Azure anmelden …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service and DMS migrations are followed through Azure once the app is signed in again.</source>
        <translation>Dienst- und DMS-Migrationen werden über Azure verfolgt, sobald die App wieder angemeldet ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validation needs both servers&apos; connections (available for migrations started in this session).</source>
        <translation>Die Validierung braucht die Verbindungen zu beiden Servern (verfügbar für Migrationen, die in dieser Sitzung gestartet wurden).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cutover blocked</source>
        <translation>Umstellung blockiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cutover blocked: %1</source>
        <translation>Umstellung blockiert: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Errors (%1)</source>
        <translation>Fehler (%1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Validating…</source>
        <translation>Wird validiert …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation failed: %1</source>
        <translation>Validierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Validation: all %1 tables equal.</source>
        <translation>Validierung: alle %1 Tabellen gleich.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation: %1 of %2 tables differ (red in the Tables tab).</source>
        <translation>Validierung: %1 von %2 Tabellen weichen ab (rot im Reiter „Tabellen“).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Verifying needs both servers&apos; connections (available for migrations started in this session).</source>
        <translation>Die Prüfung braucht die Verbindungen zu beiden Servern (verfügbar für Migrationen, die in dieser Sitzung gestartet wurden).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checklist (%1/%2)</source>
        <translation>Checkliste (%1/%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verifying the checklist…</source>
        <translation>Checkliste wird geprüft …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checklist: %1 of %2 items verified.</source>
        <translation>Checkliste: %1 von %2 Punkten bestätigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist check failed: %1</source>
        <translation>Prüfung der Checkliste fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::MigrationViewModel</name>
    <message>
        <location filename="../app/dashboard/migrationviewmodel.cpp" line="+212"/>
        <source>%1 is ready for cutover</source>
        <translation>%1 ist bereit für die Umstellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every database finished its initial copy and streams changes.</source>
        <translation>Jede Datenbank hat ihre erste Kopie abgeschlossen und überträgt laufend die Änderungen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 completed</source>
        <translation>%1 abgeschlossen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The migration finished; the target has the data.</source>
        <translation>Die Migration ist abgeschlossen; das Ziel enthält die Daten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Resume requested by %1</source>
        <translation>Fortsetzen angefordert von %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>The migration is not attached (resume it first).</source>
        <translation>Die Migration ist nicht verbunden (setzen Sie sie zuerst fort).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A cutover request is already on its way.</source>
        <translation>Eine Umstellungsanforderung ist bereits unterwegs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The migration has ended (%1).</source>
        <translation>Die Migration ist beendet (%1).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The cutover is running.</source>
        <translation>Die Umstellung läuft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No database has reported progress yet.</source>
        <translation>Noch keine Datenbank hat einen Fortschritt gemeldet.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Database %1 failed.</source>
        <translation>Datenbank %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>Sign-in to Azure requested by %1</source>
        <translation>Anmeldung bei Azure angefordert von %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign-in to Azure</source>
        <translation>Anmeldung bei Azure</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Not followed yet: sign in to Azure first (File ▸ Sign in to Azure…).</source>
        <translation>Noch nicht verfolgt: Melden Sie sich zuerst bei Azure an (Datei ▸ Bei Azure anmelden …).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The cutover of %1 was accepted already.</source>
        <translation>Die Umstellung von %1 wurde bereits angenommen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database %1 is still copying its initial data.</source>
        <translation>Datenbank %1 kopiert noch ihre Anfangsdaten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Database %1 lags %2 behind the source (the limit is %3).</source>
        <translation>Datenbank %1 liegt %2 hinter der Quelle zurück (die Grenze ist %3).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database %1 is not ready for cutover yet (%2).</source>
        <translation>Datenbank %1 ist noch nicht bereit für die Umstellung (%2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This backend cuts over every database at once.</source>
        <translation>Dieses Backend stellt alle Datenbanken gleichzeitig um.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database %1 is not part of this migration.</source>
        <translation>Die Datenbank %1 gehört nicht zu dieser Migration.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The backend does not wait for a cutover yet (%1).</source>
        <translation>Das Backend wartet noch nicht auf eine Umstellung (%1).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cut over %1 to the target now?</source>
        <translation>%1 jetzt auf das Ziel umstellen?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>• %1: lag %2 / %3, %4 changes pending</source>
        <translation>• %1: Rückstand %2 / %3, %4 Änderungen ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending changes are applied first; stop the application&apos;s writes to the source before you go on. Replication objects are dropped on both servers afterwards.</source>
        <translation>Ausstehende Änderungen werden zuerst übernommen; beenden Sie die Schreibzugriffe der Anwendung auf die Quelle, bevor Sie fortfahren. Anschließend werden die Replikationsobjekte auf beiden Servern entfernt.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cutover requested by %1</source>
        <translation>Umstellung angefordert von %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cutover accepted</source>
        <translation>Umstellung angenommen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cutover refused: %1</source>
        <translation>Umstellung abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cutover</source>
        <translation>Umstellung</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cancel %1?
The copy and change capture stop; the replication slot, publication and subscription are dropped on both servers. Data already copied stays on the target.</source>
        <translation>%1 abbrechen?
Kopie und Änderungserfassung werden beendet; Replikationsslot, Publikation und Subskription werden auf beiden Servern entfernt. Bereits kopierte Daten bleiben auf dem Ziel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel %1?
The service stops the migration and removes its replication objects. Data already copied stays on the target.</source>
        <translation>%1 abbrechen?
Der Dienst beendet die Migration und entfernt ihre Replikationsobjekte. Bereits kopierte Daten bleiben auf dem Ziel.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A running migration is cancelled first (replication objects dropped); then its journal is deleted and it leaves this list.</source>
        <translation>Eine laufende Migration wird zuerst abgebrochen (Replikationsobjekte werden entfernt); dann wird ihr Journal gelöscht und sie verschwindet aus dieser Liste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The migration resource is deleted in Azure (a running one is cancelled first), and it leaves this list.</source>
        <translation>Die Migrationsressource wird in Azure gelöscht (eine laufende wird zuerst abgebrochen) und verschwindet aus dieser Liste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1?
%2 Neither database is deleted.</source>
        <translation>%1 löschen?
%2 Keine der beiden Datenbanken wird gelöscht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel requested by %1</source>
        <translation>Abbruch angefordert von %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 accepted.</source>
        <translation>%1 angenommen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cancelled.</source>
        <translation>%1 abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Validation failed: %1</source>
        <translation>Validierung fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Validated: %n table(s) differ</source>
        <translation>
            <numerusform>Validiert: %n Tabelle weicht ab</numerusform>
            <numerusform>Validiert: %n Tabellen weichen ab</numerusform>
        </translation>
    </message>
    <message>
        <location line="+192"/>
        <source>database %1</source>
        <translation>Datenbank %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>table %1</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>code %1</source>
        <translation>Code %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>request id %1</source>
        <translation>Anforderungs-ID %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::SignInDialog</name>
    <message>
        <location filename="../app/dashboard/signindialog.cpp" line="+25"/>
        <source>Sign in to Azure</source>
        <translation>Bei Azure anmelden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The service and DMS migrations in the list are followed through Azure Resource Manager. Sign in as the app (or Azure CLI login) they were started with.</source>
        <translation>Die Dienst- und DMS-Migrationen in der Liste werden über Azure Resource Manager verfolgt. Melden Sie sich als die App (oder mit der Azure CLI-Anmeldung) an, mit der sie gestartet wurden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>custom, ARM at %1</source>
        <translation>benutzerdefiniert, ARM unter %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tenant id</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client secret</source>
        <translation>Geheimer Clientschlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client secret (kept in memory only unless saved below)</source>
        <translation>geheimer Clientschlüssel (nur im Speicher, außer er wird unten gespeichert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the signed-in &amp;Azure CLI account instead of an app secret</source>
        <translation>Statt eines App-Schlüssels das angemeldete &amp;Azure CLI-Konto verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the Azure CLI account</source>
        <translation>Azure CLI-Konto verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the secret in the system &amp;keychain once the sign-in worked</source>
        <translation>Den geheimen Schlüssel nach erfolgreicher Anmeldung im System&amp;schlüsselbund speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the secret to the keychain</source>
        <translation>Geheimen Schlüssel im Schlüsselbund speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No system keychain is available on this machine.</source>
        <translation>Auf diesem Rechner ist kein Systemschlüsselbund verfügbar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in problem</source>
        <translation>Anmeldeproblem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cloud:</source>
        <translation>Cloud:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tenant id:</source>
        <translation>&amp;Mandanten-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client s&amp;ecret:</source>
        <translation>Geheimer Client&amp;schlüssel:</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::TableProgressModel</name>
    <message>
        <location filename="../app/dashboard/tableprogressmodel.cpp" line="+100"/>
        <source>equal</source>
        <translation>gleich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DIFFERENT</source>
        <translation>ABWEICHEND</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inserts</source>
        <translation>Einfügungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updates</source>
        <translation>Aktualisierungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletes</source>
        <translation>Löschungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
</context>
<context>
    <name>fm::ui::AadAppPage</name>
    <message>
        <location filename="../wizard/pages/aadapppage.cpp" line="+25"/>
        <source>AAD app</source>
        <translation>AAD-App</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The app registration FlexMigrate acts as. It needs the Contributor role on the source server, the target server and the target&apos;s resource group.</source>
        <translation>Die App-Registrierung, als die FlexMigrate handelt. Sie braucht die Rolle „Mitwirkender“ (Contributor) auf dem Quellserver, dem Zielserver und der Ressourcengruppe des Ziels.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tenant id</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenant id problem</source>
        <translation>Problem mit der Mandanten-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client id problem</source>
        <translation>Problem mit der Client-ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client secret</source>
        <translation>Geheimer Clientschlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client secret (never shown, never saved in drafts)</source>
        <translation>geheimer Clientschlüssel (wird nie angezeigt und nie in Entwürfen gespeichert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the secret in the system &amp;keychain after it is verified</source>
        <translation>Den geheimen Schlüssel nach der Prüfung im System&amp;schlüsselbund speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the secret to the keychain</source>
        <translation>Geheimen Schlüssel im Schlüsselbund speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No system keychain is available on this machine.</source>
        <translation>Auf diesem Rechner ist kein Systemschlüsselbund verfügbar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the signed-in &amp;Azure CLI account instead of an app secret</source>
        <translation>Statt eines App-Schlüssels das angemeldete &amp;Azure CLI-Konto verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the Azure CLI account</source>
        <translation>Azure CLI-Konto verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+69"/>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Verify the AAD app</source>
        <translation>AAD-App prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification result</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contributor role per scope</source>
        <translation>Rolle „Mitwirkender“ je Bereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contributor</source>
        <translation>Mitwirkender</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Tenant id:</source>
        <translation>&amp;Mandanten-ID:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client s&amp;ecret:</source>
        <translation>Geheimer Client&amp;schlüssel:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contributor role per sc&amp;ope:</source>
        <translation>Rolle „Mitwirkender“ je &amp;Bereich:</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Verifying…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Getting a token and checking the role assignments…</source>
        <translation>Token wird abgerufen und die Rollenzuweisungen werden geprüft …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ Verified.</source>
        <translation>✓ Geprüft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Verify to check the app.</source>
        <translation>Klicken Sie auf „Prüfen“, um die App zu prüfen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✓ Contributor</source>
        <translation>✓ Mitwirkender</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checking…</source>
        <translation>wird geprüft …</translation>
    </message>
</context>
<context>
    <name>fm::ui::AadAppPageModel</name>
    <message>
        <location filename="../wizard/viewmodels/aadapppagemodel.cpp" line="+61"/>
        <source>Enter the client secret of the app registration (Certificates &amp; secrets), or use the signed-in Azure CLI.</source>
        <translation>Geben Sie den geheimen Clientschlüssel der App-Registrierung ein (Zertifikate &amp; Geheimnisse) oder verwenden Sie die angemeldete Azure CLI.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Source server</source>
        <translation>Quellserver</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not checked: the source server is not entered yet.</source>
        <translation>Nicht geprüft: Der Quellserver ist noch nicht eingegeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target server</source>
        <translation>Zielserver</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Not checked: the target server is not entered yet.</source>
        <translation>Nicht geprüft: Der Zielserver ist noch nicht eingegeben.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resource group</source>
        <translation>Ressourcengruppe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source resource group</source>
        <translation>Ressourcengruppe der Quelle</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>No token: %1</source>
        <translation>Kein Token: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Contributor is missing on: %1.</source>
        <translation>„Mitwirkender“ fehlt auf: %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not read the permissions: %1</source>
        <translation>Die Berechtigungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the signed-in Azure CLI account</source>
        <translation>das angemeldete Azure CLI-Konto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the app %1</source>
        <translation>die App %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign the Contributor role on %1 to %2 (missing: %3).</source>
        <translation>Weisen Sie %2 die Rolle „Mitwirkender“ auf %1 zu (fehlt: %3).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Verified, but the secret could not be saved to the keychain: %1</source>
        <translation>Geprüft, aber der geheime Schlüssel konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>fm::ui::DatabasesPage</name>
    <message>
        <location filename="../wizard/pages/databasespage.cpp" line="+26"/>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source databases</source>
        <translation>Quelldatenbanken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On target</source>
        <translation>Auf dem Ziel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Se&amp;lect the databases to migrate:</source>
        <translation>Zu migrierende Datenbanken aus&amp;wählen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection message</source>
        <translation>Hinweis zur Auswahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split into numbered migrations</source>
        <translation>In nummerierte Migrationen aufteilen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split plan</source>
        <translation>Aufteilungsplan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm overwriting databases on the target</source>
        <translation>Überschreiben von Datenbanken auf dem Ziel bestätigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is still missing</source>
        <translation>Was noch fehlt</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>exists — would be overwritten</source>
        <translation>vorhanden – würde überschrieben</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>An Azure migration takes up to %1 databases. Size, tables and pre-flight warnings come from the source.</source>
        <translation>Eine Azure-Migration umfasst bis zu %1 Datenbanken. Größe, Tabellen und Warnungen der Vorabprüfung stammen von der Quelle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size, tables and pre-flight warnings come from the source.</source>
        <translation>Größe, Tabellen und Warnungen der Vorabprüfung stammen von der Quelle.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;plit the selection into several numbered migrations, run one after another (at most %1 databases each)</source>
        <translation>Auswahl in mehrere nummerierte Migrationen au&amp;fteilen, die nacheinander laufen (je höchstens %1 Datenbanken)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Overwrite these databases on the target (their current contents are dropped): %1</source>
        <translation>Diese Datenbanken auf dem Ziel &amp;überschreiben (ihr aktueller Inhalt wird verworfen): %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>fm::ui::DatabasesPageModel</name>
    <message>
        <location filename="../wizard/viewmodels/databasespagemodel.cpp" line="+96"/>
        <source>The source has no database &quot;%1&quot;.</source>
        <translation>Die Quelle hat keine Datenbank „%1“.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An Azure migration takes at most %1 databases; &quot;%2&quot; was not added. Split the selection into several migrations to migrate more.</source>
        <translation>Eine Azure-Migration umfasst höchstens %1 Datenbanken; „%2“ wurde nicht hinzugefügt. Teilen Sie die Auswahl in mehrere Migrationen auf, um mehr zu migrieren.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Test the connection to the source server first: its databases are listed from there.</source>
        <translation>Testen Sie zuerst die Verbindung zum Quellserver: Von dort werden seine Datenbanken aufgelistet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select at least one database.</source>
        <translation>Wählen Sie mindestens eine Datenbank aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 databases are selected; an Azure migration takes at most %2.</source>
        <translation>%1 Datenbanken sind ausgewählt; eine Azure-Migration umfasst höchstens %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These databases already exist on the target and would be overwritten: %1. Confirm the overwrite or deselect them.</source>
        <translation>Diese Datenbanken gibt es auf dem Ziel bereits und sie würden überschrieben: %1. Bestätigen Sie das Überschreiben oder heben Sie die Auswahl auf.</translation>
    </message>
</context>
<context>
    <name>fm::ui::InspectViewModel</name>
    <message>
        <location filename="../wizard/viewmodels/inspectviewmodel.cpp" line="+64"/>
        <source>Enter the source server&apos;s connection URI, e.g. postgresql://admin@host:5432/postgres.</source>
        <translation>Geben Sie den Verbindungs-URI des Quellservers ein, z. B. postgresql://admin@host:5432/postgres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+54"/>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+56"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
</context>
<context>
    <name>fm::ui::InspectionView</name>
    <message>
        <location filename="../wizard/pages/inspectionview.cpp" line="+40"/>
        <source>postgresql://admin@source-host:5432/postgres?sslmode=require</source>
        <translation>postgresql://admin@quell-host:5432/postgres?sslmode=require</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source connection URI</source>
        <translation>Verbindungs-URI der Quelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Source password</source>
        <translation>Passwort der Quelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>postgresql://admin@target-host:5432/postgres?sslmode=require (optional)</source>
        <translation>postgresql://admin@ziel-host:5432/postgres?sslmode=require (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target connection URI</source>
        <translation>Verbindungs-URI des Ziels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Target password</source>
        <translation>Passwort des Ziels</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct from this workstation</source>
        <translation>Direkt von diesem Arbeitsplatzrechner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure migration service</source>
        <translation>Azure-Migrationsdienst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure DMS</source>
        <translation>Azure DMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inspect</source>
        <translation>&amp;Untersuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspect servers</source>
        <translation>Server untersuchen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source databases</source>
        <translation>Quelldatenbanken</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows (est.)</source>
        <translation>Zeilen (geschätzt)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre-flight checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Inspecting…</source>
        <translation>Wird untersucht …</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 without primary key</source>
        <translation>%1 ohne Primärschlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 large objects</source>
        <translation>%1 Large Objects</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 materialized views</source>
        <translation>%1 materialisierte Sichten</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>✓ passed</source>
        <translation>✓ bestanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ℹ info</source>
        <translation>ℹ Hinweis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ warning</source>
        <translation>⚠ Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✗ error</source>
        <translation>✗ Fehler</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pre-flight: %1 warning(s), no errors — the migration can run.</source>
        <translation>Vorabprüfung: %1 Warnung(en), keine Fehler – die Migration kann laufen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-flight: %1 error(s) — fix them before migrating.</source>
        <translation>Vorabprüfung: %1 Fehler – beheben Sie sie vor der Migration.</translation>
    </message>
</context>
<context>
    <name>fm::ui::LogView</name>
    <message>
        <location filename="../wizard/widgets/logview.cpp" line="+13"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log messages appear here.</source>
        <translation>Hier erscheinen die Protokollmeldungen.</translation>
    </message>
</context>
<context>
    <name>fm::ui::MigrationWizard</name>
    <message>
        <location filename="../wizard/migrationwizard.cpp" line="+29"/>
        <source>New migration</source>
        <translation>Neue Migration</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Save draft…</source>
        <translation>Entwurf &amp;speichern …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the migration</source>
        <translation>Migration erstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This window cannot start migrations (no backend is connected).</source>
        <translation>Dieses Fenster kann keine Migrationen starten (kein Backend verbunden).</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Save the draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FlexMigrate drafts (*.json);;All files (*)</source>
        <translation>FlexMigrate-Entwürfe (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>✓ Contributor on %1</source>
        <translation>✓ Mitwirkender auf %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ %1: %2</source>
        <translation>✗ %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>… %1: checking</source>
        <translation>… %1: wird geprüft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>? %1: %2</source>
        <translation>? %1: %2</translation>
    </message>
</context>
<context>
    <name>fm::ui::OptionsPage</name>
    <message>
        <location filename="../wizard/pages/optionspage.cpp" line="+27"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name the migration and choose how and when it runs.</source>
        <translation>Benennen Sie die Migration und wählen Sie, wie und wann sie läuft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Migration name</source>
        <translation>Migrationsname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Migration name problem</source>
        <translation>Problem mit dem Migrationsnamen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set up &amp;logical replication on the source if it needs it</source>
        <translation>&amp;Logische Replikation auf der Quelle einrichten, falls nötig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up logical replication on the source</source>
        <translation>Logische Replikation auf der Quelle einrichten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What setting up replication does</source>
        <translation>Was das Einrichten der Replikation bewirkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;verwrite databases that already exist on the target</source>
        <translation>Auf dem Ziel bereits vorhandene Datenbanken ü&amp;berschreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overwrite target databases</source>
        <translation>Zieldatenbanken überschreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start no&amp;w</source>
        <translation>&amp;Jetzt starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start now</source>
        <translation>Jetzt starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start &amp;at (UTC):</source>
        <translation>Starten &amp;um (UTC):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start at a time</source>
        <translation>Zu einem Zeitpunkt starten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start time in UTC</source>
        <translation>Startzeit in UTC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start time problem</source>
        <translation>Problem mit der Startzeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cutover</source>
        <translation>Umstellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual — I press Cutover when the target has caught up</source>
        <translation>Manuell – ich klicke auf „Umstellung“, wenn das Ziel aufgeholt hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic — as soon as every database is ready</source>
        <translation>Automatisch – sobald alle Datenbanken bereit sind</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy jobs</source>
        <translation>Kopierjobs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy jobs problem</source>
        <translation>Problem mit den Kopierjobs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DMS subnet resource id</source>
        <translation>Ressourcen-ID des DMS-Subnetzes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMS subnet problem</source>
        <translation>Problem mit dem DMS-Subnetz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Migration na&amp;me:</source>
        <translation>Migrations&amp;name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;utover:</source>
        <translation>&amp;Umstellung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;jobs:</source>
        <translation>Kopier&amp;jobs:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DMS subn&amp;et:</source>
        <translation>DMS-Subn&amp;etz:</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Checking whether the name is free on the target…</source>
        <translation>Es wird geprüft, ob der Name auf dem Ziel frei ist …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✓ The name is free on the target.</source>
        <translation>✓ Der Name ist auf dem Ziel frei.</translation>
    </message>
</context>
<context>
    <name>fm::ui::OptionsPageModel</name>
    <message>
        <location filename="../wizard/viewmodels/optionspagemodel.cpp" line="+31"/>
        <location line="+151"/>
        <source>Give the migration a name (letters, digits and &apos;-&apos;).</source>
        <translation>Geben Sie der Migration einen Namen (Buchstaben, Ziffern und „-“).</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>The name&apos;s availability cannot be checked without the target server.</source>
        <translation>Ohne Zielserver lässt sich nicht prüfen, ob der Name verfügbar ist.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not check the name: %1</source>
        <translation>Der Name konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The target server already has a migration named &quot;%1&quot;.</source>
        <translation>Der Zielserver hat bereits eine Migration namens „%1“.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The source needs wal_level = logical; changing it takes a server restart, which FlexMigrate does not do for you.</source>
        <translation>Die Quelle braucht wal_level = logical; die Änderung erfordert einen Neustart des Servers, den FlexMigrate nicht für Sie ausführt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sets azure.replication_support to logical on the source and restarts the source server: it is unavailable for a few minutes.</source>
        <translation>Setzt azure.replication_support auf der Quelle auf logical und startet den Quellserver neu: Er ist einige Minuten lang nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The start time %1 is in the past; choose a later time or start now.</source>
        <translation>Die Startzeit %1 liegt in der Vergangenheit; wählen Sie einen späteren Zeitpunkt oder starten Sie jetzt.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Copy jobs must be between 1 and 32, not %1.</source>
        <translation>Die Zahl der Kopierjobs muss zwischen 1 und 32 liegen, nicht %1.</translation>
    </message>
</context>
<context>
    <name>fm::ui::ReviewPage</name>
    <message>
        <location filename="../wizard/pages/reviewpage.cpp" line="+26"/>
        <source>Review</source>
        <translation>Überprüfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is exactly what will run. Secrets appear only as placeholders. Press Create to start.</source>
        <translation>Genau das wird ausgeführt. Geheime Werte erscheinen nur als Platzhalter. Klicken Sie auf „Erstellen“, um zu starten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Migration plan</source>
        <translation>Migrationsplan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Plan:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Properties file format</source>
        <translation>Format der Eigenschaftendatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>az CLI properties (api-version 2024-08-01)</source>
        <translation>az CLI-Eigenschaften (API-Version 2024-08-01)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>az CLI properties, seed-era format</source>
        <translation>az CLI-Eigenschaften, früheres Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export properties file…</source>
        <translation>Eigenschaftendatei &amp;exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+85"/>
        <source>Export the properties file</source>
        <translation>Eigenschaftendatei exportieren</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Cop&amp;y az command</source>
        <translation>az-Befehl &amp;kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the az command line</source>
        <translation>az-Befehlszeile kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create status</source>
        <translation>Status der Erstellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contributor role per scope</source>
        <translation>Rolle „Mitwirkender“ je Bereich</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copied the az command line (save the properties file next to it).</source>
        <translation>az-Befehlszeile kopiert (speichern Sie die Eigenschaftendatei daneben).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Creating the migration…</source>
        <translation>Migration wird erstellt …</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The migration was not created: %1</source>
        <translation>Die Migration wurde nicht erstellt: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1. Replace the placeholders with the secrets before running the az command.</source>
        <translation>%1 gespeichert. Ersetzen Sie die Platzhalter durch die geheimen Werte, bevor Sie den az-Befehl ausführen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>fm::ui::ReviewPageModel</name>
    <message>
        <location filename="../wizard/viewmodels/reviewpagemodel.cpp" line="+46"/>
        <source>Azure migration service</source>
        <translation>Azure-Migrationsdienst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure Database Migration Service</source>
        <translation>Azure Database Migration Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>direct from this workstation</source>
        <translation>direkt von diesem Arbeitsplatzrechner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Migration: %1</source>
        <translation>Migration: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cloud: %1 (%2)</source>
        <translation>Cloud: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acts as: the signed-in Azure CLI account</source>
        <translation>Handelt als: das angemeldete Azure CLI-Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acts as: AAD app %1 in tenant %2 (secret %3)</source>
        <translation>Handelt als: AAD-App %1 im Mandanten %2 (geheimer Schlüssel %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>asked when the migration starts</source>
        <translation>wird beim Start der Migration abgefragt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>from %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Databases (%1, split into %2 migrations run one after another):</source>
        <translation>Datenbanken (%1, aufgeteilt in %2 Migrationen, die nacheinander laufen):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Databases (%1): %2</source>
        <translation>Datenbanken (%1): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overwrite target databases: %1</source>
        <translation>Zieldatenbanken überschreiben: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Set up logical replication on the source: %1</source>
        <translation>Logische Replikation auf der Quelle einrichten: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes (the source server restarts)</source>
        <translation>ja (der Quellserver wird neu gestartet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start: %1</source>
        <translation>Start: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cutover: %1</source>
        <translation>Umstellung: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy jobs: %1</source>
        <translation>Kopierjobs: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Properties file %1 (secrets shown as placeholders):</source>
        <translation>Eigenschaftendatei %1 (geheime Werte als Platzhalter):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Equivalent Azure CLI command:</source>
        <translation>Entsprechender Azure CLI-Befehl:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To fix before it can run:</source>
        <translation>Vor dem Start zu beheben:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>fm::ui::ServerPage</name>
    <message>
        <location filename="../wizard/pages/serverpage.cpp" line="+27"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source server</source>
        <translation>Quellserver</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target server</source>
        <translation>Zielserver</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Azure Database for PostgreSQL Single Server</source>
        <translation>Azure Database for PostgreSQL Single Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Azure Database for PostgreSQL Flexible Server</source>
        <translation>Azure Database for PostgreSQL Flexible Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 resource id</source>
        <translation>Ressourcen-ID (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 resource id problem</source>
        <translation>Problem mit der Ressourcen-ID (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 subscription id</source>
        <translation>Abonnement-ID (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 subscription id problem</source>
        <translation>Problem mit der Abonnement-ID (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 resource group</source>
        <translation>Ressourcengruppe (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 resource group problem</source>
        <translation>Problem mit der Ressourcengruppe (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 server name</source>
        <translation>Servername (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 server name problem</source>
        <translation>Problem mit dem Servernamen (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste a &amp;resource id:</source>
        <translation>&amp;Ressourcen-ID einfügen:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resource &amp;group:</source>
        <translation>Ressourcen&amp;gruppe:</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Subscr&amp;iption id:</source>
        <translation>A&amp;bonnement-ID:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server na&amp;me:</source>
        <translation>Server&amp;name:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any PostgreSQL server</source>
        <translation>Beliebiger PostgreSQL-Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 connection URI</source>
        <translation>Verbindungs-URI (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 connection URI problem</source>
        <translation>Problem mit dem Verbindungs-URI (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 host</source>
        <translation>Host (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 port</source>
        <translation>Port (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 maintenance database</source>
        <translation>Wartungsdatenbank (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection &amp;URI:</source>
        <translation>Verbindungs-&amp;URI:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 admin user</source>
        <translation>Administratorbenutzer (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 admin password</source>
        <translation>Administratorpasswort (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never saved in drafts or exports</source>
        <translation>wird nie in Entwürfen oder Exporten gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 TLS mode</source>
        <translation>TLS-Modus (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default (verify-full for Azure hosts)</source>
        <translation>Standard (verify-full für Azure-Hosts)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+126"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Test the %1 connection</source>
        <translation>Verbindung testen (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 connection result</source>
        <translation>Verbindungsergebnis (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 server facts</source>
        <translation>Serverangaben (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the target cannot be used</source>
        <translation>Warum das Ziel nicht verwendet werden kann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 pre-flight checks</source>
        <translation>Vorabprüfungen (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Admin us&amp;er:</source>
        <translation>Administrator&amp;benutzer:</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Cancel tes&amp;t</source>
        <translation>Test a&amp;bbrechen</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;LS mode:</source>
        <translation>T&amp;LS-Modus:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-flight chec&amp;ks:</source>
        <translation>&amp;Vorabprüfungen:</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>taken from the URI</source>
        <translation>aus dem URI übernommen</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The Single Server to migrate from. Name it by subscription, resource group and name, or paste its resource id.</source>
        <translation>Der Single Server, von dem migriert wird. Geben Sie Abonnement, Ressourcengruppe und Namen an oder fügen Sie seine Ressourcen-ID ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Flexible Server to migrate to: same or newer PostgreSQL major version.</source>
        <translation>Der Flexible Server, auf den migriert wird: gleiche oder neuere PostgreSQL-Hauptversion.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PostgreSQL server to migrate from: a connection URI or host and port.</source>
        <translation>Der PostgreSQL-Server, von dem migriert wird: ein Verbindungs-URI oder Host und Port.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PostgreSQL server to migrate to: a connection URI or host and port.</source>
        <translation>Der PostgreSQL-Server, auf den migriert wird: ein Verbindungs-URI oder Host und Port.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Looking the server up in Azure, then connecting…</source>
        <translation>Server wird in Azure gesucht, dann wird verbunden …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ Connected.</source>
        <translation>✓ Verbunden.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Azure: %1 — PostgreSQL %2 in %3, tier %4, state %5</source>
        <translation>Azure: %1 – PostgreSQL %2 in %3, Tarif %4, Status %5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replication support (azure.replication_support): %1%2</source>
        <translation>Replikationsunterstützung (azure.replication_support): %1%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — the Basic tier cannot do logical replication</source>
        <translation> – der Tarif „Basic“ unterstützt keine logische Replikation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected: %1 — PostgreSQL %2, wal_level=%3, replication slots %4/%5, %6 databases</source>
        <translation>Verbunden: %1 – PostgreSQL %2, wal_level=%3, Replikationsslots %4/%5, %6 Datenbanken</translation>
    </message>
</context>
<context>
    <name>fm::ui::ServerPageModel</name>
    <message>
        <location filename="../wizard/viewmodels/serverpagemodel.cpp" line="+66"/>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The source Single Server&apos;s resource id</source>
        <translation>Die Ressourcen-ID des Single Servers (Quelle)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The target Flexible Server&apos;s resource id</source>
        <translation>Die Ressourcen-ID des Flexible Servers (Ziel)</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The TLS mode &quot;%1&quot; is not one of disable, allow, prefer, require, verify-ca, verify-full.</source>
        <translation>Der TLS-Modus „%1“ ist keiner von disable, allow, prefer, require, verify-ca, verify-full.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter the %1 server&apos;s subscription id.</source>
        <translation>Geben Sie die Abonnement-ID des Servers (%1) ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the %1 server&apos;s resource group.</source>
        <translation>Geben Sie die Ressourcengruppe des Servers (%1) ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the %1 server&apos;s name.</source>
        <translation>Geben Sie den Namen des Servers (%1) ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the %1 server&apos;s host, or paste a connection URI.</source>
        <translation>Geben Sie den Host des Servers (%1) ein oder fügen Sie einen Verbindungs-URI ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port %1 is not between 1 and 65535.</source>
        <translation>Der Port %1 liegt nicht zwischen 1 und 65535.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the %1 server&apos;s admin user.</source>
        <translation>Geben Sie den Administratorbenutzer des Servers (%1) ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the %1 admin user&apos;s password.</source>
        <translation>Geben Sie das Passwort des Administratorbenutzers (%1) ein.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The ARM lookup needs the AAD app: %1</source>
        <translation>Die ARM-Abfrage braucht die AAD-App: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ARM lookup of the source server failed: %1</source>
        <translation>ARM-Abfrage des Quellservers fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading azure.replication_support of the source failed: %1</source>
        <translation>Lesen von azure.replication_support der Quelle fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ARM lookup of the target server failed: %1</source>
        <translation>ARM-Abfrage des Zielservers fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>ARM did not report the %1 server&apos;s host name.</source>
        <translation>ARM hat den Hostnamen des Servers (%1) nicht gemeldet.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connecting to the %1 server failed: %2</source>
        <translation>Verbindung zum Server (%1) fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The target runs PostgreSQL %1, older than the source&apos;s %2: a migration can only go to the same or a newer major version. Choose a target server with PostgreSQL %2 or later.</source>
        <translation>Auf dem Ziel läuft PostgreSQL %1, älter als %2 auf der Quelle: Eine Migration ist nur auf dieselbe oder eine neuere Hauptversion möglich. Wählen Sie einen Zielserver mit PostgreSQL %2 oder neuer.</translation>
    </message>
</context>
<context>
    <name>fm::ui::StartPage</name>
    <message>
        <location filename="../wizard/pages/startpage.cpp" line="+29"/>
        <source>Azure&apos;s migration service moves the data in the cloud (the Single Server to Flexible Server path). Needs an AAD app with Contributor on both servers.</source>
        <translation>Der Migrationsdienst von Azure verschiebt die Daten in der Cloud (der Weg von Single Server zu Flexible Server). Braucht eine AAD-App mit der Rolle „Mitwirkender“ auf beiden Servern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FlexMigrate orchestrates an Azure Database Migration Service instance; per-table progress from its task output.</source>
        <translation>FlexMigrate steuert eine Instanz von Azure Database Migration Service; den Fortschritt je Tabelle liefert deren Aufgabenausgabe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FlexMigrate moves the data itself from this workstation with logical replication: any PostgreSQL to any PostgreSQL. No Azure account needed.</source>
        <translation>FlexMigrate verschiebt die Daten selbst von diesem Arbeitsplatzrechner aus mit logischer Replikation: von jedem PostgreSQL zu jedem PostgreSQL. Kein Azure-Konto nötig.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose who moves the data and which cloud the servers are in, or open a saved draft.</source>
        <translation>Wählen Sie, wer die Daten verschiebt und in welcher Cloud die Server liegen, oder öffnen Sie einen gespeicherten Entwurf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About the backend</source>
        <translation>Über das Backend</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom endpoints (e.g. the local emulator)</source>
        <translation>Eigene Endpunkte (z. B. der lokale Emulator)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom cloud endpoints</source>
        <translation>Eigene Cloud-Endpunkte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resource Manager endpoint</source>
        <translation>Resource Manager-Endpunkt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authority host</source>
        <translation>Autoritätshost</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resource Manager audience</source>
        <translation>Resource Manager-Zielgruppe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resource Manager endpoint:</source>
        <translation>&amp;Resource Manager-Endpunkt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;uthority host:</source>
        <translation>A&amp;utoritätshost:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Au&amp;dience:</source>
        <translation>&amp;Zielgruppe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud endpoint problem</source>
        <translation>Problem mit dem Cloud-Endpunkt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open a saved draft…</source>
        <translation>Gespeicherten Entwurf ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+88"/>
        <source>Open a saved draft</source>
        <translation>Gespeicherten Entwurf öffnen</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Draft message</source>
        <translation>Hinweis zum Entwurf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back&amp;end:</source>
        <translation>Back&amp;end:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;loud:</source>
        <translation>C&amp;loud:</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Opened the draft %1. Passwords and secrets are never saved in drafts: enter them again.</source>
        <translation>Entwurf %1 geöffnet. Passwörter und geheime Schlüssel werden nie in Entwürfen gespeichert: Geben Sie sie erneut ein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>FlexMigrate drafts (*.json);;All files (*)</source>
        <translation>FlexMigrate-Entwürfe (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>fm::ui::StartPageModel</name>
    <message>
        <location filename="../wizard/viewmodels/startpagemodel.cpp" line="+35"/>
        <source>Azure migration service (recommended)</source>
        <translation>Azure-Migrationsdienst (empfohlen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure Database Migration Service (DMS)</source>
        <translation>Azure Database Migration Service (DMS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct from this workstation</source>
        <translation>Direkt von diesem Arbeitsplatzrechner</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The draft %1 cannot be used: %2</source>
        <translation>Der Entwurf %1 kann nicht verwendet werden: %2</translation>
    </message>
</context>
</TS>
