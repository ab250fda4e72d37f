<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../wizard/pages/pagehelpers.cpp" line="+55"/>
        <source>✓ passed</source>
        <translation>✓ 合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ℹ info</source>
        <translation>ℹ 情報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ warning</source>
        <translation>⚠ 警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✗ error</source>
        <translation>✗ エラー</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix</source>
        <translation>対処方法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location filename="../app/dashboard/lagchart.cpp" line="+26"/>
        <source>seconds since start</source>
        <translation>開始からの秒数</translation>
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
        <translation>移行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspect servers</source>
        <translation>サーバーを調査</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New migration…</source>
        <translation>新しい移行(&amp;N)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in to &amp;Azure…</source>
        <translation>Azure にサインイン(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Migrations</source>
        <translation>移行(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inspect servers</source>
        <translation>サーバーを調査(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find migrations in Azure</source>
        <translation>Azure の移行を検索(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n migration(s).</source>
        <translation>
            <numerusform>移行 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with “New migration…”, or inspect servers first.</source>
        <translation>[新しい移行…] から始めるか、先にサーバーを調査してください。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Signed in to Azure as %1.</source>
        <translation>%1 として Azure にサインインしました。</translation>
    </message>
    <message numerus="yes">
        <location line="+83"/>
        <source>Created %n migration(s).</source>
        <translation>
            <numerusform>%n 件の移行を作成しました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+4"/>
        <source>Resume %1</source>
        <translation>%1 を再開</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Source password (user %1):</source>
        <translation>ソースのパスワード (ユーザー %1):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Target password (user %1):</source>
        <translation>ターゲットのパスワード (ユーザー %1):</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>Inspected at %1</source>
        <translation>%1 に調査しました</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::AzureSignIn</name>
    <message>
        <location filename="../app/dashboard/azuresignin.cpp" line="+25"/>
        <source>This build of FlexMigrate has no keychain support.</source>
        <translation>この FlexMigrate のビルドはキーチェーンに対応していません。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the Azure CLI login (%1)</source>
        <translation>Azure CLI のログイン (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an AAD application not named in the records (%1)</source>
        <translation>記録に名前のない AAD アプリ (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>app %1 in tenant %2 (%3)</source>
        <translation>テナント %2 のアプリ %1 (%3)</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n Azure migration(s) wait for a sign-in as %1: %2 Use File ▸ Sign in to Azure… to follow them.</source>
        <translation>
            <numerusform>%n 件の Azure 移行が %1 としてのサインインを待っています: %2 追跡するには [ファイル] ▸ [Azure にサインイン…] を使ってください。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the records do not name the AAD application.</source>
        <translation>記録に AAD アプリの名前がありません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>its client secret is not saved in the system keychain.</source>
        <translation>そのクライアント シークレットはシステムのキーチェーンに保存されていません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system keychain could not be read (see the log).</source>
        <translation>システムのキーチェーンを読み取れませんでした (ログを参照)。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A sign-in is already running.</source>
        <translation>サインインはすでに実行中です。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wait for it to finish.</source>
        <translation>完了するまでお待ちください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client secret is empty.</source>
        <translation>クライアント シークレットが空です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the secret&apos;s value (not its id) from the app registration&apos;s “Certificates &amp; secrets”.</source>
        <translation>アプリの登録の「証明書とシークレット」から、シークレットの ID ではなく値を貼り付けてください。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Signed in, but the secret was not saved in the system keychain: %1</source>
        <translation>サインインしましたが、シークレットはシステムのキーチェーンに保存されませんでした: %1</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::DashboardWidget</name>
    <message>
        <location filename="../app/dashboard/dashboardwidget.cpp" line="+38"/>
        <source>Find migrations in Azure</source>
        <translation>Azure の移行を検索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists the migrations on the target servers this app knows and adds those it did not start.</source>
        <translation>このアプリが認識しているターゲット サーバー上の移行を一覧表示し、このアプリが開始していない移行を追加します。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Migrations</source>
        <translation>移行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No migration yet. Use “New migration…” to start one.</source>
        <translation>移行はまだありません。[新しい移行…] から開始してください。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>FlexMigrate</source>
        <translation>FlexMigrate</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Looking for migrations in Azure…</source>
        <translation>Azure の移行を検索しています…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Could not list the migrations in Azure: %1</source>
        <translation>Azure の移行を一覧表示できませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Found %n migration(s) in Azure that this app did not start.</source>
        <translation>
            <numerusform>このアプリが開始していない移行が Azure に %n 件見つかりました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No other migration in Azure on the known target servers.</source>
        <translation>既知のターゲット サーバーには、Azure 上の他の移行はありません。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n could not be observed (see the log).</source>
        <translation>
            <numerusform>%n 件を監視できませんでした (ログを参照)。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fm::dashboard::LagChart</name>
    <message>
        <location filename="../app/dashboard/lagchart.cpp" line="+33"/>
        <source>lag (s)</source>
        <translation>遅延 (秒)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lag (MB)</source>
        <translation>遅延 (MB)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>copy (rows/s)</source>
        <translation>コピー (行/秒)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changes applied (/s)</source>
        <translation>適用された変更 (/秒)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replication lag</source>
        <translation>レプリケーションの遅延</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throughput</source>
        <translation>スループット</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rows/s</source>
        <translation>行/秒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changes/s</source>
        <translation>変更/秒</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::MigrationListModel</name>
    <message>
        <location filename="../app/dashboard/migrationlistmodel.cpp" line="+87"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <translation>%1 日 %2 時間</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Migration</source>
        <translation>移行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend</source>
        <translation>バックエンド</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Substate</source>
        <translation>詳細状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>経過時間</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::MigrationView</name>
    <message>
        <location filename="../app/dashboard/migrationview.cpp" line="+69"/>
        <source>Cutover…</source>
        <translation>カットオーバー…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel migration…</source>
        <translation>移行をキャンセル…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validate now</source>
        <translation>今すぐ検証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with checksums</source>
        <translation>チェックサム付き</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export report…</source>
        <translation>レポートをエクスポート…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+295"/>
        <source>Resume…</source>
        <translation>再開…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A direct migration continues from its journal after a restart; it needs the passwords again.</source>
        <translation>直接移行は再起動後にジャーナルから続行します。パスワードをもう一度入力する必要があります。</translation>
    </message>
    <message>
        <location line="-291"/>
        <source>Databases</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tables of this migration</source>
        <translation>この移行のテーブル</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tables</source>
        <translation>テーブル数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lag and throughput</source>
        <translation>遅延とスループット</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time (UTC)</source>
        <translation>時刻 (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Request id</source>
        <translation>要求 ID</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy error with code and request id</source>
        <translation>コードと要求 ID を含めてエラーをコピー</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+284"/>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>Post-cutover checklist</source>
        <translation>カットオーバー後のチェックリスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify checklist</source>
        <translation>チェックリストを検証</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checklist</source>
        <translation>チェックリスト</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Resuming…</source>
        <translation>再開しています…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cutover</source>
        <translation>カットオーバー</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cutover requested…</source>
        <translation>カットオーバーを要求しました…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel migration</source>
        <translation>移行をキャンセル</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete migration</source>
        <translation>移行を削除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleting…</source>
        <translation>削除しています…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export report</source>
        <translation>レポートをエクスポート</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTML (*.html);;PDF (*.pdf)</source>
        <translation>HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report saved to %1</source>
        <translation>レポートを %1 に保存しました</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>backend</source>
        <translation>バックエンド</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>State: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — waiting for: %1</source>
        <translation> — 待機中: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — started %1 UTC</source>
        <translation> — 開始 %1 UTC</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied %1 rows, %2. Changes: %3 inserts, %4 updates, %5 deletes, %6 applied, %7 pending.</source>
        <translation>%1 行、%2 をコピーしました。変更: 挿入 %3、更新 %4、削除 %5、適用済み %6、保留中 %7。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> Lag: %1 / %2.</source>
        <translation> 遅延: %1 / %2。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Cut over this database…</source>
        <translation>このデータベースをカットオーバー…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cut over database %1…</source>
        <translation>データベース %1 をカットオーバー…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 rows/s</source>
        <translation>%1 行/秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, ETA %1</source>
        <translation>、完了予定 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>copy done</source>
        <translation>コピー完了</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tables %1 queued, %2 copying, %3 done, %4 errored · %5 rows, %6 · %7%8 · lag %9 / %10 · changes %11</source>
        <translation>テーブル: 待機 %1、コピー中 %2、完了 %3、エラー %4 · %5 行、%6 · %7%8 · 遅延 %9 / %10 · 変更 %11</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Every database is ready; the lag is under the limit.</source>
        <translation>すべてのデータベースの準備ができ、遅延は上限未満です。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign in to Azure…</source>
        <translation>Azure にサインイン…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service and DMS migrations are followed through Azure once the app is signed in again.</source>
        <translation>サービス移行と DMS 移行は、アプリが再びサインインすると Azure を通じて追跡されます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Validation needs both servers&apos; connections (available for migrations started in this session).</source>
        <translation>検証には両方のサーバーへの接続が必要です (このセッションで開始した移行で使用できます)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cutover blocked</source>
        <translation>カットオーバーはブロックされています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cutover blocked: %1</source>
        <translation>カットオーバーはブロックされています: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Errors (%1)</source>
        <translation>エラー (%1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Validating…</source>
        <translation>検証しています…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation failed: %1</source>
        <translation>検証に失敗しました: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Validation: all %1 tables equal.</source>
        <translation>検証: %1 個のテーブルすべてが一致しました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation: %1 of %2 tables differ (red in the Tables tab).</source>
        <translation>検証: %2 個中 %1 個のテーブルが一致しません ([テーブル] タブで赤く表示)。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Verifying needs both servers&apos; connections (available for migrations started in this session).</source>
        <translation>検証には両方のサーバーへの接続が必要です (このセッションで開始した移行で使用できます)。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checklist (%1/%2)</source>
        <translation>チェックリスト (%1/%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verifying the checklist…</source>
        <translation>チェックリストを検証しています…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checklist: %1 of %2 items verified.</source>
        <translation>チェックリスト: %2 項目中 %1 項目を検証しました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist check failed: %1</source>
        <translation>チェックリストの検証に失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::MigrationViewModel</name>
    <message>
        <location filename="../app/dashboard/migrationviewmodel.cpp" line="+212"/>
        <source>%1 is ready for cutover</source>
        <translation>%1 はカットオーバーの準備ができました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every database finished its initial copy and streams changes.</source>
        <translation>すべてのデータベースで初期コピーが完了し、変更をストリーミングしています。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 completed</source>
        <translation>%1 が完了しました</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The migration finished; the target has the data.</source>
        <translation>移行が完了しました。ターゲットにデータがあります。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 failed</source>
        <translation>%1 が失敗しました</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Resume requested by %1</source>
        <translation>%1 が再開を要求しました</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>The migration is not attached (resume it first).</source>
        <translation>この移行は接続されていません (先に再開してください)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A cutover request is already on its way.</source>
        <translation>カットオーバーの要求はすでに送信中です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The migration has ended (%1).</source>
        <translation>移行は終了しています (%1)。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The cutover is running.</source>
        <translation>カットオーバーを実行中です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No database has reported progress yet.</source>
        <translation>進捗を報告したデータベースはまだありません。</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Database %1 failed.</source>
        <translation>データベース %1 が失敗しました。</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>Sign-in to Azure requested by %1</source>
        <translation>%1 が Azure へのサインインを要求しました</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign-in to Azure</source>
        <translation>Azure へのサインイン</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Not followed yet: sign in to Azure first (File ▸ Sign in to Azure…).</source>
        <translation>まだ追跡されていません: 先に Azure にサインインしてください ([ファイル] ▸ [Azure にサインイン…])。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The cutover of %1 was accepted already.</source>
        <translation>%1 のカットオーバーは既に受け付けられています。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database %1 is still copying its initial data.</source>
        <translation>データベース %1 はまだ初期データをコピー中です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Database %1 lags %2 behind the source (the limit is %3).</source>
        <translation>データベース %1 はソースより %2 遅れています (上限は %3)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database %1 is not ready for cutover yet (%2).</source>
        <translation>データベース %1 はまだカットオーバーの準備ができていません (%2)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This backend cuts over every database at once.</source>
        <translation>このバックエンドはすべてのデータベースを一度にカットオーバーします。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database %1 is not part of this migration.</source>
        <translation>データベース %1 はこの移行に含まれていません。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The backend does not wait for a cutover yet (%1).</source>
        <translation>バックエンドはまだカットオーバー待ちの状態ではありません (%1)。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cut over %1 to the target now?</source>
        <translation>%1 を今すぐターゲットへカットオーバーしますか?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>• %1: lag %2 / %3, %4 changes pending</source>
        <translation>• %1: 遅延 %2 / %3、保留中の変更 %4 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending changes are applied first; stop the application&apos;s writes to the source before you go on. Replication objects are dropped on both servers afterwards.</source>
        <translation>保留中の変更が先に適用されます。続行する前に、アプリケーションからソースへの書き込みを停止してください。その後、両方のサーバーでレプリケーション オブジェクトが削除されます。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cutover requested by %1</source>
        <translation>%1 がカットオーバーを要求しました</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cutover accepted</source>
        <translation>カットオーバーが受け付けられました</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cutover refused: %1</source>
        <translation>カットオーバーが拒否されました: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cutover</source>
        <translation>カットオーバー</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cancel %1?
The copy and change capture stop; the replication slot, publication and subscription are dropped on both servers. Data already copied stays on the target.</source>
        <translation>%1 をキャンセルしますか?
コピーと変更の取り込みが停止し、レプリケーション スロット、パブリケーション、サブスクリプションが両方のサーバーで削除されます。コピー済みのデータはターゲットに残ります。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel %1?
The service stops the migration and removes its replication objects. Data already copied stays on the target.</source>
        <translation>%1 をキャンセルしますか?
サービスが移行を停止し、そのレプリケーション オブジェクトを削除します。コピー済みのデータはターゲットに残ります。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A running migration is cancelled first (replication objects dropped); then its journal is deleted and it leaves this list.</source>
        <translation>実行中の移行は先にキャンセルされます (レプリケーション オブジェクトは削除されます)。その後ジャーナルが削除され、この一覧から消えます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The migration resource is deleted in Azure (a running one is cancelled first), and it leaves this list.</source>
        <translation>Azure の移行リソースが削除され (実行中の場合は先にキャンセルされます)、この一覧から消えます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1?
%2 Neither database is deleted.</source>
        <translation>%1 を削除しますか?
%2 どちらのデータベースも削除されません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel requested by %1</source>
        <translation>%1 がキャンセルを要求しました</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 accepted.</source>
        <translation>%1 が受け付けられました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cancelled.</source>
        <translation>%1 はキャンセルされました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed: %2</source>
        <translation>%1 が失敗しました: %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Validation failed: %1</source>
        <translation>検証に失敗しました: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Validated: %n table(s) differ</source>
        <translation>
            <numerusform>検証済み: %n 個のテーブルが一致しません</numerusform>
        </translation>
    </message>
    <message>
        <location line="+192"/>
        <source>database %1</source>
        <translation>データベース %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>table %1</source>
        <translation>テーブル %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>code %1</source>
        <translation>コード %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>request id %1</source>
        <translation>要求 ID %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::SignInDialog</name>
    <message>
        <location filename="../app/dashboard/signindialog.cpp" line="+25"/>
        <source>Sign in to Azure</source>
        <translation>Azure にサインイン</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The service and DMS migrations in the list are followed through Azure Resource Manager. Sign in as the app (or Azure CLI login) they were started with.</source>
        <translation>一覧のサービス移行と DMS 移行は Azure Resource Manager を通じて追跡されます。開始したときのアプリ (または Azure CLI のログイン) でサインインしてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>custom, ARM at %1</source>
        <translation>カスタム、ARM は %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cloud</source>
        <translation>クラウド</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tenant id</source>
        <translation>テナント ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client id</source>
        <translation>クライアント ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client secret</source>
        <translation>クライアント シークレット</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client secret (kept in memory only unless saved below)</source>
        <translation>クライアント シークレット (下で保存しない限りメモリ内にのみ保持)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the signed-in &amp;Azure CLI account instead of an app secret</source>
        <translation>アプリのシークレットの代わりにサインイン済みの Azure CLI アカウントを使う(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the Azure CLI account</source>
        <translation>Azure CLI アカウントを使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the secret in the system &amp;keychain once the sign-in worked</source>
        <translation>サインインできたらシークレットをシステムのキーチェーンに保存する(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the secret to the keychain</source>
        <translation>シークレットをキーチェーンに保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No system keychain is available on this machine.</source>
        <translation>このコンピューターではシステムのキーチェーンを使用できません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in problem</source>
        <translation>サインインの問題</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing in…</source>
        <translation>サインイン中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sign in</source>
        <translation>サインイン(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cloud:</source>
        <translation>クラウド:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tenant id:</source>
        <translation>テナント ID(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Client id:</source>
        <translation>クライアント ID(&amp;C):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client s&amp;ecret:</source>
        <translation>クライアント シークレット(&amp;E):</translation>
    </message>
</context>
<context>
    <name>fm::dashboard::TableProgressModel</name>
    <message>
        <location filename="../app/dashboard/tableprogressmodel.cpp" line="+100"/>
        <source>equal</source>
        <translation>一致</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DIFFERENT</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes</source>
        <translation>バイト数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inserts</source>
        <translation>挿入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updates</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletes</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>検証</translation>
    </message>
</context>
<context>
    <name>fm::ui::AadAppPage</name>
    <message>
        <location filename="../wizard/pages/aadapppage.cpp" line="+25"/>
        <source>AAD app</source>
        <translation>AAD アプリ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The app registration FlexMigrate acts as. It needs the Contributor role on the source server, the target server and the target&apos;s resource group.</source>
        <translation>FlexMigrate が動作に使うアプリの登録です。ソース サーバー、ターゲット サーバー、およびターゲットのリソース グループに対する共同作成者 (Contributor) ロールが必要です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tenant id</source>
        <translation>テナント ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenant id problem</source>
        <translation>テナント ID の問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client id</source>
        <translation>クライアント ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client id problem</source>
        <translation>クライアント ID の問題</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client secret</source>
        <translation>クライアント シークレット</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client secret (never shown, never saved in drafts)</source>
        <translation>クライアント シークレット (表示されず、下書きにも保存されません)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the secret in the system &amp;keychain after it is verified</source>
        <translation>確認後にシークレットをシステムのキーチェーンに保存する(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the secret to the keychain</source>
        <translation>シークレットをキーチェーンに保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No system keychain is available on this machine.</source>
        <translation>このコンピューターではシステムのキーチェーンを使用できません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the signed-in &amp;Azure CLI account instead of an app secret</source>
        <translation>アプリのシークレットの代わりにサインイン済みの Azure CLI アカウントを使う(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the Azure CLI account</source>
        <translation>Azure CLI アカウントを使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+69"/>
        <source>&amp;Verify</source>
        <translation>確認(&amp;V)</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Verify the AAD app</source>
        <translation>AAD アプリを確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification result</source>
        <translation>確認結果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contributor role per scope</source>
        <translation>スコープごとの共同作成者ロール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>スコープ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contributor</source>
        <translation>共同作成者</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Tenant id:</source>
        <translation>テナント ID(&amp;T):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Client id:</source>
        <translation>クライアント ID(&amp;C):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client s&amp;ecret:</source>
        <translation>クライアント シークレット(&amp;E):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contributor role per sc&amp;ope:</source>
        <translation>スコープごとの共同作成者ロール(&amp;O):</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Verifying…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Getting a token and checking the role assignments…</source>
        <translation>トークンを取得し、ロールの割り当てを確認しています…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ Verified.</source>
        <translation>✓ 確認しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Verify to check the app.</source>
        <translation>[確認] を押してアプリを確認してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>✓ Contributor</source>
        <translation>✓ 共同作成者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checking…</source>
        <translation>確認中…</translation>
    </message>
</context>
<context>
    <name>fm::ui::AadAppPageModel</name>
    <message>
        <location filename="../wizard/viewmodels/aadapppagemodel.cpp" line="+61"/>
        <source>Enter the client secret of the app registration (Certificates &amp; secrets), or use the signed-in Azure CLI.</source>
        <translation>アプリの登録のクライアント シークレット ([証明書とシークレット]) を入力するか、サインイン済みの Azure CLI を使用してください。</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Source server</source>
        <translation>ソース サーバー</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not checked: the source server is not entered yet.</source>
        <translation>未確認: ソース サーバーがまだ入力されていません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target server</source>
        <translation>ターゲット サーバー</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Not checked: the target server is not entered yet.</source>
        <translation>未確認: ターゲット サーバーがまだ入力されていません。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resource group</source>
        <translation>リソース グループ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source resource group</source>
        <translation>ソースのリソース グループ</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>No token: %1</source>
        <translation>トークンがありません: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Contributor is missing on: %1.</source>
        <translation>共同作成者ロールがありません: %1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not read the permissions: %1</source>
        <translation>アクセス許可を読み取れませんでした: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the signed-in Azure CLI account</source>
        <translation>サインイン済みの Azure CLI アカウント</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the app %1</source>
        <translation>アプリ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign the Contributor role on %1 to %2 (missing: %3).</source>
        <translation>%1 に対する共同作成者ロールを %2 に割り当ててください (不足: %3)。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Verified, but the secret could not be saved to the keychain: %1</source>
        <translation>確認しましたが、シークレットをキーチェーンに保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>fm::ui::DatabasesPage</name>
    <message>
        <location filename="../wizard/pages/databasespage.cpp" line="+26"/>
        <source>Databases</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source databases</source>
        <translation>ソースのデータベース</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tables</source>
        <translation>テーブル数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On target</source>
        <translation>ターゲット上</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Se&amp;lect the databases to migrate:</source>
        <translation>移行するデータベースを選択(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection message</source>
        <translation>選択に関するメッセージ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split into numbered migrations</source>
        <translation>番号付きの移行に分割</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split plan</source>
        <translation>分割計画</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm overwriting databases on the target</source>
        <translation>ターゲット上のデータベースの上書きを確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is still missing</source>
        <translation>まだ足りないもの</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>exists — would be overwritten</source>
        <translation>存在します — 上書きされます</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>An Azure migration takes up to %1 databases. Size, tables and pre-flight warnings come from the source.</source>
        <translation>Azure の移行では最大 %1 個のデータベースを扱えます。サイズ、テーブル数、事前チェックの警告はソースから取得しています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size, tables and pre-flight warnings come from the source.</source>
        <translation>サイズ、テーブル数、事前チェックの警告はソースから取得しています。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;plit the selection into several numbered migrations, run one after another (at most %1 databases each)</source>
        <translation>選択を複数の番号付き移行に分割し、順番に実行する (それぞれ最大 %1 個のデータベース)(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Overwrite these databases on the target (their current contents are dropped): %1</source>
        <translation>ターゲット上のこれらのデータベースを上書きする (現在の内容は削除されます)(&amp;O): %1</translation>
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
        <translation>ソースにデータベース「%1」はありません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An Azure migration takes at most %1 databases; &quot;%2&quot; was not added. Split the selection into several migrations to migrate more.</source>
        <translation>Azure の移行で扱えるデータベースは最大 %1 個です。「%2」は追加されませんでした。さらに移行するには、選択を複数の移行に分割してください。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Test the connection to the source server first: its databases are listed from there.</source>
        <translation>先にソース サーバーへの接続をテストしてください。データベースの一覧はそこから取得されます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select at least one database.</source>
        <translation>データベースを 1 つ以上選択してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 databases are selected; an Azure migration takes at most %2.</source>
        <translation>%1 個のデータベースが選択されていますが、Azure の移行で扱えるのは最大 %2 個です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These databases already exist on the target and would be overwritten: %1. Confirm the overwrite or deselect them.</source>
        <translation>次のデータベースはターゲットにすでに存在し、上書きされます: %1。上書きを確認するか、選択を解除してください。</translation>
    </message>
</context>
<context>
    <name>fm::ui::InspectViewModel</name>
    <message>
        <location filename="../wizard/viewmodels/inspectviewmodel.cpp" line="+64"/>
        <source>Enter the source server&apos;s connection URI, e.g. postgresql://admin@host:5432/postgres.</source>
        <translation>ソース サーバーの接続 URI を入力してください (例: postgresql://admin@host:5432/postgres)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+54"/>
        <source>Source: %1</source>
        <translation>ソース: %1</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+56"/>
        <source>Target: %1</source>
        <translation>ターゲット: %1</translation>
    </message>
</context>
<context>
    <name>fm::ui::InspectionView</name>
    <message>
        <location filename="../wizard/pages/inspectionview.cpp" line="+40"/>
        <source>postgresql://admin@source-host:5432/postgres?sslmode=require</source>
        <translation>postgresql://admin@source-host:5432/postgres?sslmode=require</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source connection URI</source>
        <translation>ソースの接続 URI</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Source password</source>
        <translation>ソースのパスワード</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>postgresql://admin@target-host:5432/postgres?sslmode=require (optional)</source>
        <translation>postgresql://admin@target-host:5432/postgres?sslmode=require (省略可)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target connection URI</source>
        <translation>ターゲットの接続 URI</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Target password</source>
        <translation>ターゲットのパスワード</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backend</source>
        <translation>バックエンド</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct from this workstation</source>
        <translation>このワークステーションから直接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure migration service</source>
        <translation>Azure 移行サービス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure DMS</source>
        <translation>Azure DMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inspect</source>
        <translation>調査(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspect servers</source>
        <translation>サーバーを調査</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Source:</source>
        <translation>ソース(&amp;S):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Target:</source>
        <translation>ターゲット(&amp;T):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Backend:</source>
        <translation>バックエンド(&amp;B):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Source databases</source>
        <translation>ソースのデータベース</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tables</source>
        <translation>テーブル数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows (est.)</source>
        <translation>行数 (推定)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre-flight checks</source>
        <translation>事前チェック</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Inspecting…</source>
        <translation>調査しています…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Source: %1</source>
        <translation>ソース: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target: %1</source>
        <translation>ターゲット: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 without primary key</source>
        <translation>主キーなし: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 large objects</source>
        <translation>ラージ オブジェクト: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 materialized views</source>
        <translation>マテリアライズド ビュー: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>✓ passed</source>
        <translation>✓ 合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ℹ info</source>
        <translation>ℹ 情報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ warning</source>
        <translation>⚠ 警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✗ error</source>
        <translation>✗ エラー</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix</source>
        <translation>対処方法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pre-flight: %1 warning(s), no errors — the migration can run.</source>
        <translation>事前チェック: 警告 %1 件、エラーなし — 移行を実行できます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-flight: %1 error(s) — fix them before migrating.</source>
        <translation>事前チェック: エラー %1 件 — 移行の前に修正してください。</translation>
    </message>
</context>
<context>
    <name>fm::ui::LogView</name>
    <message>
        <location filename="../wizard/widgets/logview.cpp" line="+13"/>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log messages appear here.</source>
        <translation>ここにログ メッセージが表示されます。</translation>
    </message>
</context>
<context>
    <name>fm::ui::MigrationWizard</name>
    <message>
        <location filename="../wizard/migrationwizard.cpp" line="+29"/>
        <source>New migration</source>
        <translation>新しい移行</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Save draft…</source>
        <translation>下書きを保存(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create</source>
        <translation>作成(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <source>Save draft</source>
        <translation>下書きを保存</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the migration</source>
        <translation>移行を作成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This window cannot start migrations (no backend is connected).</source>
        <translation>このウィンドウでは移行を開始できません (バックエンドが接続されていません)。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Save the draft</source>
        <translation>下書きを保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FlexMigrate drafts (*.json);;All files (*)</source>
        <translation>FlexMigrate の下書き (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>✓ Contributor on %1</source>
        <translation>✓ %1 の共同作成者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ %1: %2</source>
        <translation>✗ %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>… %1: checking</source>
        <translation>… %1: 確認中</translation>
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
        <translation>オプション</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name the migration and choose how and when it runs.</source>
        <translation>移行に名前を付け、実行方法と実行時期を選んでください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Migration name</source>
        <translation>移行名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Migration name problem</source>
        <translation>移行名の問題</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set up &amp;logical replication on the source if it needs it</source>
        <translation>必要に応じてソースで論理レプリケーションを設定する(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up logical replication on the source</source>
        <translation>ソースで論理レプリケーションを設定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What setting up replication does</source>
        <translation>レプリケーションの設定で行われること</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;verwrite databases that already exist on the target</source>
        <translation>ターゲットに既に存在するデータベースを上書きする(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overwrite target databases</source>
        <translation>ターゲットのデータベースを上書き</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start no&amp;w</source>
        <translation>今すぐ開始(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start now</source>
        <translation>今すぐ開始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start &amp;at (UTC):</source>
        <translation>開始時刻 (UTC)(&amp;A):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start at a time</source>
        <translation>指定した時刻に開始</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start time in UTC</source>
        <translation>開始時刻 (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start time problem</source>
        <translation>開始時刻の問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cutover</source>
        <translation>カットオーバー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual — I press Cutover when the target has caught up</source>
        <translation>手動 — ターゲットが追いついたら [カットオーバー] を押す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic — as soon as every database is ready</source>
        <translation>自動 — すべてのデータベースの準備ができ次第</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy jobs</source>
        <translation>コピー ジョブ数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy jobs problem</source>
        <translation>コピー ジョブ数の問題</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DMS subnet resource id</source>
        <translation>DMS サブネットのリソース ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMS subnet problem</source>
        <translation>DMS サブネットの問題</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Migration na&amp;me:</source>
        <translation>移行名(&amp;M):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start:</source>
        <translation>開始:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;utover:</source>
        <translation>カットオーバー(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;jobs:</source>
        <translation>コピー ジョブ数(&amp;J):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DMS subn&amp;et:</source>
        <translation>DMS サブネット(&amp;E):</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Checking whether the name is free on the target…</source>
        <translation>ターゲットでこの名前が使用可能か確認しています…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✓ The name is free on the target.</source>
        <translation>✓ この名前はターゲットで使用可能です。</translation>
    </message>
</context>
<context>
    <name>fm::ui::OptionsPageModel</name>
    <message>
        <location filename="../wizard/viewmodels/optionspagemodel.cpp" line="+31"/>
        <location line="+151"/>
        <source>Give the migration a name (letters, digits and &apos;-&apos;).</source>
        <translation>移行に名前を付けてください (英字、数字、&apos;-&apos;)。</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>The name&apos;s availability cannot be checked without the target server.</source>
        <translation>ターゲット サーバーがないと、名前が使用可能かどうかを確認できません。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not check the name: %1</source>
        <translation>名前を確認できませんでした: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The target server already has a migration named &quot;%1&quot;.</source>
        <translation>ターゲット サーバーには「%1」という名前の移行がすでにあります。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The source needs wal_level = logical; changing it takes a server restart, which FlexMigrate does not do for you.</source>
        <translation>ソースには wal_level = logical が必要です。変更にはサーバーの再起動が必要ですが、FlexMigrate は再起動を行いません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sets azure.replication_support to logical on the source and restarts the source server: it is unavailable for a few minutes.</source>
        <translation>ソースの azure.replication_support を logical に設定し、ソース サーバーを再起動します。数分間利用できなくなります。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The start time %1 is in the past; choose a later time or start now.</source>
        <translation>開始時刻 %1 は過去です。より後の時刻を選ぶか、今すぐ開始してください。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Copy jobs must be between 1 and 32, not %1.</source>
        <translation>コピー ジョブ数は 1 から 32 の間で指定してください (%1 は不可)。</translation>
    </message>
</context>
<context>
    <name>fm::ui::ReviewPage</name>
    <message>
        <location filename="../wizard/pages/reviewpage.cpp" line="+26"/>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is exactly what will run. Secrets appear only as placeholders. Press Create to start.</source>
        <translation>これがそのまま実行される内容です。シークレットはプレースホルダーとしてのみ表示されます。[作成] を押すと開始します。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Migration plan</source>
        <translation>移行計画</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Plan:</source>
        <translation>計画(&amp;P):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Properties file format</source>
        <translation>プロパティ ファイルの形式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>az CLI properties (api-version 2024-08-01)</source>
        <translation>az CLI プロパティ (API バージョン 2024-08-01)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>az CLI properties, seed-era format</source>
        <translation>az CLI プロパティ (旧形式)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export properties file…</source>
        <translation>プロパティ ファイルをエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+85"/>
        <source>Export the properties file</source>
        <translation>プロパティ ファイルをエクスポート</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Cop&amp;y az command</source>
        <translation>az コマンドをコピー(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the az command line</source>
        <translation>az コマンドラインをコピー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create status</source>
        <translation>作成の状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contributor role per scope</source>
        <translation>スコープごとの共同作成者ロール</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copied the az command line (save the properties file next to it).</source>
        <translation>az コマンドラインをコピーしました (プロパティ ファイルを同じ場所に保存してください)。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Creating the migration…</source>
        <translation>移行を作成しています…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The migration was not created: %1</source>
        <translation>移行は作成されませんでした: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1. Replace the placeholders with the secrets before running the az command.</source>
        <translation>%1 を保存しました。az コマンドを実行する前に、プレースホルダーをシークレットに置き換えてください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>fm::ui::ReviewPageModel</name>
    <message>
        <location filename="../wizard/viewmodels/reviewpagemodel.cpp" line="+46"/>
        <source>Azure migration service</source>
        <translation>Azure 移行サービス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure Database Migration Service</source>
        <translation>Azure Database Migration Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>direct from this workstation</source>
        <translation>このワークステーションから直接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Migration: %1</source>
        <translation>移行: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend: %1</source>
        <translation>バックエンド: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cloud: %1 (%2)</source>
        <translation>クラウド: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acts as: the signed-in Azure CLI account</source>
        <translation>使用する ID: サインイン済みの Azure CLI アカウント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acts as: AAD app %1 in tenant %2 (secret %3)</source>
        <translation>使用する ID: テナント %2 の AAD アプリ %1 (シークレット %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>asked when the migration starts</source>
        <translation>移行の開始時に入力を求めます</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>from %1</source>
        <translation>%1 から</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source: %1</source>
        <translation>ソース: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target: %1</source>
        <translation>ターゲット: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Databases (%1, split into %2 migrations run one after another):</source>
        <translation>データベース (%1 個、順番に実行する %2 個の移行に分割):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Databases (%1): %2</source>
        <translation>データベース (%1 個): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overwrite target databases: %1</source>
        <translation>ターゲットのデータベースを上書き: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Set up logical replication on the source: %1</source>
        <translation>ソースで論理レプリケーションを設定: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes (the source server restarts)</source>
        <translation>はい (ソース サーバーが再起動します)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start: %1</source>
        <translation>開始: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>now</source>
        <translation>今すぐ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cutover: %1</source>
        <translation>カットオーバー: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy jobs: %1</source>
        <translation>コピー ジョブ数: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Properties file %1 (secrets shown as placeholders):</source>
        <translation>プロパティ ファイル %1 (シークレットはプレースホルダーで表示):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Equivalent Azure CLI command:</source>
        <translation>同等の Azure CLI コマンド:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To fix before it can run:</source>
        <translation>実行前に修正が必要な項目:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not write %1: %2</source>
        <translation>%1 を書き込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>fm::ui::ServerPage</name>
    <message>
        <location filename="../wizard/pages/serverpage.cpp" line="+27"/>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>ターゲット</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source server</source>
        <translation>ソース サーバー</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target server</source>
        <translation>ターゲット サーバー</translation>
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
        <translation>%1のリソース ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 resource id problem</source>
        <translation>%1のリソース ID の問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 subscription id</source>
        <translation>%1のサブスクリプション ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 subscription id problem</source>
        <translation>%1のサブスクリプション ID の問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 resource group</source>
        <translation>%1のリソース グループ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 resource group problem</source>
        <translation>%1のリソース グループの問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 server name</source>
        <translation>%1のサーバー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 server name problem</source>
        <translation>%1のサーバー名の問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste a &amp;resource id:</source>
        <translation>リソース ID を貼り付け(&amp;R):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resource &amp;group:</source>
        <translation>リソース グループ(&amp;G):</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Subscr&amp;iption id:</source>
        <translation>サブスクリプション ID(&amp;I):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server na&amp;me:</source>
        <translation>サーバー名(&amp;M):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any PostgreSQL server</source>
        <translation>任意の PostgreSQL サーバー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 connection URI</source>
        <translation>%1の接続 URI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 connection URI problem</source>
        <translation>%1の接続 URI の問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 host</source>
        <translation>%1のホスト</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 port</source>
        <translation>%1のポート</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 maintenance database</source>
        <translation>%1のメンテナンス データベース</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection &amp;URI:</source>
        <translation>接続 URI(&amp;U):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Port:</source>
        <translation>ポート(&amp;P):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Host:</source>
        <translation>ホスト(&amp;H):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>データベース(&amp;D):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 admin user</source>
        <translation>%1の管理者ユーザー</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 admin password</source>
        <translation>%1の管理者パスワード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never saved in drafts or exports</source>
        <translation>下書きやエクスポートには保存されません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 TLS mode</source>
        <translation>%1の TLS モード</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default (verify-full for Azure hosts)</source>
        <translation>既定 (Azure のホストでは verify-full)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+126"/>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Test the %1 connection</source>
        <translation>%1の接続をテスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 connection result</source>
        <translation>%1の接続結果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 server facts</source>
        <translation>%1のサーバー情報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the target cannot be used</source>
        <translation>ターゲットを使用できない理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 pre-flight checks</source>
        <translation>%1の事前チェック</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Admin us&amp;er:</source>
        <translation>管理者ユーザー(&amp;E):</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Cancel tes&amp;t</source>
        <translation>テストをキャンセル(&amp;T)</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;LS mode:</source>
        <translation>TLS モード(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-flight chec&amp;ks:</source>
        <translation>事前チェック(&amp;K):</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>taken from the URI</source>
        <translation>URI から取得</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The Single Server to migrate from. Name it by subscription, resource group and name, or paste its resource id.</source>
        <translation>移行元の Single Server です。サブスクリプション、リソース グループ、名前で指定するか、リソース ID を貼り付けてください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Flexible Server to migrate to: same or newer PostgreSQL major version.</source>
        <translation>移行先の Flexible Server です。PostgreSQL のメジャー バージョンは同じかそれ以降である必要があります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PostgreSQL server to migrate from: a connection URI or host and port.</source>
        <translation>移行元の PostgreSQL サーバーです。接続 URI、またはホストとポートで指定します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PostgreSQL server to migrate to: a connection URI or host and port.</source>
        <translation>移行先の PostgreSQL サーバーです。接続 URI、またはホストとポートで指定します。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Looking the server up in Azure, then connecting…</source>
        <translation>Azure でサーバーを検索してから接続しています…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connecting…</source>
        <translation>接続しています…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✓ Connected.</source>
        <translation>✓ 接続しました。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Azure: %1 — PostgreSQL %2 in %3, tier %4, state %5</source>
        <translation>Azure: %1 — PostgreSQL %2、リージョン %3、レベル %4、状態 %5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replication support (azure.replication_support): %1%2</source>
        <translation>レプリケーションのサポート (azure.replication_support): %1%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — the Basic tier cannot do logical replication</source>
        <translation> — Basic レベルでは論理レプリケーションを使用できません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected: %1 — PostgreSQL %2, wal_level=%3, replication slots %4/%5, %6 databases</source>
        <translation>接続済み: %1 — PostgreSQL %2、wal_level=%3、レプリケーション スロット %4/%5、データベース %6 個</translation>
    </message>
</context>
<context>
    <name>fm::ui::ServerPageModel</name>
    <message>
        <location filename="../wizard/viewmodels/serverpagemodel.cpp" line="+66"/>
        <source>source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>target</source>
        <translation>ターゲット</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The source Single Server&apos;s resource id</source>
        <translation>ソースの Single Server のリソース ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The target Flexible Server&apos;s resource id</source>
        <translation>ターゲットの Flexible Server のリソース ID</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The TLS mode &quot;%1&quot; is not one of disable, allow, prefer, require, verify-ca, verify-full.</source>
        <translation>TLS モード「%1」は disable、allow、prefer、require、verify-ca、verify-full のいずれでもありません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter the %1 server&apos;s subscription id.</source>
        <translation>%1 サーバーのサブスクリプション ID を入力してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the %1 server&apos;s resource group.</source>
        <translation>%1 サーバーのリソース グループを入力してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the %1 server&apos;s name.</source>
        <translation>%1 サーバーの名前を入力してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the %1 server&apos;s host, or paste a connection URI.</source>
        <translation>%1 サーバーのホストを入力するか、接続 URI を貼り付けてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port %1 is not between 1 and 65535.</source>
        <translation>ポート %1 は 1 から 65535 の範囲にありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the %1 server&apos;s admin user.</source>
        <translation>%1 サーバーの管理者ユーザーを入力してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the %1 admin user&apos;s password.</source>
        <translation>%1 の管理者ユーザーのパスワードを入力してください。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The ARM lookup needs the AAD app: %1</source>
        <translation>ARM の検索には AAD アプリが必要です: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ARM lookup of the source server failed: %1</source>
        <translation>ソース サーバーの ARM 検索に失敗しました: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading azure.replication_support of the source failed: %1</source>
        <translation>ソースの azure.replication_support の読み取りに失敗しました: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ARM lookup of the target server failed: %1</source>
        <translation>ターゲット サーバーの ARM 検索に失敗しました: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>ARM did not report the %1 server&apos;s host name.</source>
        <translation>ARM から %1 サーバーのホスト名が返されませんでした。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connecting to the %1 server failed: %2</source>
        <translation>%1 サーバーへの接続に失敗しました: %2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The target runs PostgreSQL %1, older than the source&apos;s %2: a migration can only go to the same or a newer major version. Choose a target server with PostgreSQL %2 or later.</source>
        <translation>ターゲットは PostgreSQL %1 で、ソースの %2 より古いバージョンです。移行できるのは同じかそれ以降のメジャー バージョンだけです。PostgreSQL %2 以降のターゲット サーバーを選んでください。</translation>
    </message>
</context>
<context>
    <name>fm::ui::StartPage</name>
    <message>
        <location filename="../wizard/pages/startpage.cpp" line="+29"/>
        <source>Azure&apos;s migration service moves the data in the cloud (the Single Server to Flexible Server path). Needs an AAD app with Contributor on both servers.</source>
        <translation>Azure の移行サービスがクラウド内でデータを移動します (Single Server から Flexible Server への経路)。両方のサーバーで共同作成者ロールを持つ AAD アプリが必要です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FlexMigrate orchestrates an Azure Database Migration Service instance; per-table progress from its task output.</source>
        <translation>FlexMigrate が Azure Database Migration Service のインスタンスを制御します。テーブルごとの進捗はそのタスク出力から取得します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FlexMigrate moves the data itself from this workstation with logical replication: any PostgreSQL to any PostgreSQL. No Azure account needed.</source>
        <translation>FlexMigrate がこのワークステーションから論理レプリケーションでデータを自ら移動します。任意の PostgreSQL から任意の PostgreSQL へ移行でき、Azure アカウントは不要です。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose who moves the data and which cloud the servers are in, or open a saved draft.</source>
        <translation>データを移動する方法とサーバーのあるクラウドを選ぶか、保存した下書きを開いてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backend</source>
        <translation>バックエンド</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About the backend</source>
        <translation>バックエンドについて</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cloud</source>
        <translation>クラウド</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom endpoints (e.g. the local emulator)</source>
        <translation>カスタム エンドポイント (ローカル エミュレーターなど)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom cloud endpoints</source>
        <translation>カスタム クラウド エンドポイント</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resource Manager endpoint</source>
        <translation>Resource Manager エンドポイント</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authority host</source>
        <translation>機関ホスト</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resource Manager audience</source>
        <translation>Resource Manager の対象ユーザー</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resource Manager endpoint:</source>
        <translation>Resource Manager エンドポイント(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;uthority host:</source>
        <translation>機関ホスト(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Au&amp;dience:</source>
        <translation>対象ユーザー(&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud endpoint problem</source>
        <translation>クラウド エンドポイントの問題</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open a saved draft…</source>
        <translation>保存した下書きを開く(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+88"/>
        <source>Open a saved draft</source>
        <translation>保存した下書きを開く</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Draft message</source>
        <translation>下書きに関するメッセージ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back&amp;end:</source>
        <translation>バックエンド(&amp;E):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;loud:</source>
        <translation>クラウド(&amp;L):</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Opened the draft %1. Passwords and secrets are never saved in drafts: enter them again.</source>
        <translation>下書き %1 を開きました。パスワードとシークレットは下書きに保存されないため、もう一度入力してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>FlexMigrate drafts (*.json);;All files (*)</source>
        <translation>FlexMigrate の下書き (*.json);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>fm::ui::StartPageModel</name>
    <message>
        <location filename="../wizard/viewmodels/startpagemodel.cpp" line="+35"/>
        <source>Azure migration service (recommended)</source>
        <translation>Azure 移行サービス (推奨)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure Database Migration Service (DMS)</source>
        <translation>Azure Database Migration Service (DMS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct from this workstation</source>
        <translation>このワークステーションから直接</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The draft %1 cannot be used: %2</source>
        <translation>下書き %1 は使用できません: %2</translation>
    </message>
</context>
</TS>
