// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The .deb (issue 9): cpack builds it into a temporary directory, dpkg-deb -x
// unpacks it into a scratch root (never the real system), and the unpacked
// programs run: `flexmigrate --version`, the emulator's --help, and the GUI
// offscreen (it renders its main window into a PNG and quits), in English and
// German, whose menus must differ (the translation is switched by the locale).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString output;
    bool finished = false;
};

Run run(const QString &program, const QStringList &arguments, int timeoutMs, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setProcessEnvironment(env);
    p.start(program, arguments);
    Run r;
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromLocal8Bit(p.readAll());
    return r;
}

QString describe(const QString &what, const Run &r)
{
    return QStringLiteral("%1: %2, exit %3\n%4").arg(what, r.finished ? QStringLiteral("finished") : QStringLiteral("timed out")).arg(r.exitCode).arg(r.output);
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void containsFile_data();
    void containsFile();
    void controlFields();
    void metainfoHasThisRelease();
    void installedCliRuns();
    void installedEmulatorRuns();
    void installedGuiStartsOffscreen();

private:
    QTemporaryDir m_work;
    QString m_deb;
    QString m_root;
    Run screenshot(const QString &locale, const QString &file);
};

void TestPackage::initTestCase()
{
    QVERIFY(m_work.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty())
        QSKIP("dpkg-deb is not installed (not a Debian system)");
    // cpack runs the install rules of the build tree (strip included) and the
    // DEB generator; -B keeps its _CPack_Packages out of the build directory.
    const Run cpack = run(QStringLiteral(FLEXMIGRATE_CPACK),
                          {QStringLiteral("--config"), QStringLiteral(FLEXMIGRATE_CPACK_CONFIG), QStringLiteral("-G"), QStringLiteral("DEB"),
                           QStringLiteral("-B"), m_work.filePath(QStringLiteral("out"))},
                          400000);
    QVERIFY2(cpack.finished && cpack.exitCode == 0, qPrintable(describe(QStringLiteral("cpack"), cpack)));
    const QStringList debs = QDir(m_work.filePath(QStringLiteral("out"))).entryList({QStringLiteral("*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = m_work.filePath(QStringLiteral("out/") + debs.first());
    QVERIFY2(debs.first().startsWith(QStringLiteral("flexmigrate_" FLEXMIGRATE_VERSION "_")), qPrintable(debs.first()));

    m_root = m_work.filePath(QStringLiteral("root"));
    QVERIFY(QDir().mkpath(m_root));
    const Run extract = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root}, 120000);
    QVERIFY2(extract.finished && extract.exitCode == 0, qPrintable(describe(QStringLiteral("dpkg-deb -x"), extract)));
}

void TestPackage::containsFile_data()
{
    QTest::addColumn<QString>("path");
    const QString id = QStringLiteral(FLEXMIGRATE_APP_ID);
    QTest::newRow("app") << QStringLiteral("usr/bin/flexmigrate");
    QTest::newRow("emulator") << QStringLiteral("usr/bin/flexmigrate-azure-emulator");
    QTest::newRow("desktop") << QStringLiteral("usr/share/applications/%1.desktop").arg(id);
    QTest::newRow("metainfo") << QStringLiteral("usr/share/metainfo/%1.metainfo.xml").arg(id);
    QTest::newRow("svg icon") << QStringLiteral("usr/share/icons/hicolor/scalable/apps/%1.svg").arg(id);
    for (const QString &size : QStringLiteral(FLEXMIGRATE_ICON_SIZES).split(QLatin1Char(',')))
        QTest::newRow(qPrintable(size + QStringLiteral("px icon"))) << QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/%2.png").arg(size, id);
    QTest::newRow("readme") << QStringLiteral("usr/share/doc/flexmigrate/README.md");
}

void TestPackage::containsFile()
{
    QFETCH(QString, path);
    const QFileInfo info(QDir(m_root).filePath(path));
    QVERIFY2(info.isFile() && info.size() > 0, qPrintable(path + QStringLiteral(" is missing or empty in ") + m_deb));
    if (path.endsWith(QLatin1String(".png"))) {
        // The PNG in the NxN folder really is NxN (the icon theme spec requires it).
        const QImage image(info.filePath());
        const int size = path.section(QLatin1Char('/'), 4, 4).section(QLatin1Char('x'), 0, 0).toInt();
        QCOMPARE(image.size(), QSize(size, size));
    }
    if (path.startsWith(QLatin1String("usr/bin/")))
        QVERIFY(info.isExecutable());
}

void TestPackage::controlFields()
{
    const Run fields = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Package"), QStringLiteral("Version"), QStringLiteral("Depends")}, 30000);
    QVERIFY2(fields.exitCode == 0, qPrintable(describe(QStringLiteral("dpkg-deb -f"), fields)));
    QVERIFY2(fields.output.contains(QLatin1String("Package: flexmigrate")), qPrintable(fields.output));
    QVERIFY2(fields.output.contains(QLatin1String("Version: " FLEXMIGRATE_VERSION)), qPrintable(fields.output));
    // dpkg-shlibdeps found the libraries; pg_dump and the xcb plugin are listed by hand.
    for (const char *dep : {"libpq5", "libqt6widgets6", "postgresql-client", "qt6-qpa-plugins"})
        QVERIFY2(fields.output.contains(QLatin1String(dep)), qPrintable(QStringLiteral("Depends lacks %1:\n%2").arg(QLatin1String(dep), fields.output)));
}

void TestPackage::metainfoHasThisRelease()
{
    // AppStream stores show the newest <release>; a version bump without a release entry is a packaging bug.
    QFile metainfo(QDir(m_root).filePath(QStringLiteral("usr/share/metainfo/" FLEXMIGRATE_APP_ID ".metainfo.xml")));
    QVERIFY(metainfo.open(QIODevice::ReadOnly));
    const QByteArray xml = metainfo.readAll();
    QVERIFY2(xml.contains("<release version=\"" FLEXMIGRATE_VERSION "\""),
             "packaging/linux/" FLEXMIGRATE_APP_ID ".metainfo.xml has no <release> for version " FLEXMIGRATE_VERSION);
}

void TestPackage::installedCliRuns()
{
    const Run version = run(QDir(m_root).filePath(QStringLiteral("usr/bin/flexmigrate")), {QStringLiteral("--version")}, 30000);
    QVERIFY2(version.exitCode == 0, qPrintable(describe(QStringLiteral("flexmigrate --version"), version)));
    QVERIFY2(version.output.contains(QLatin1String(FLEXMIGRATE_VERSION)), qPrintable(version.output));
}

void TestPackage::installedEmulatorRuns()
{
    const QString emulator = QDir(m_root).filePath(QStringLiteral("usr/bin/flexmigrate-azure-emulator"));
    const Run help = run(emulator, {QStringLiteral("--help")}, 30000);
    QVERIFY2(help.exitCode == 0, qPrintable(describe(QStringLiteral("flexmigrate-azure-emulator --help"), help)));
    QVERIFY2(help.output.contains(QLatin1String("--config")), qPrintable(help.output));
}

Run TestPackage::screenshot(const QString &locale, const QString &file)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LC_ALL"), locale);
    env.insert(QStringLiteral("LANG"), locale);
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("HOME"), m_work.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_work.filePath(QStringLiteral("home/.config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_work.filePath(QStringLiteral("home/.local/share")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_work.filePath(QStringLiteral("home/.local/state")));
    return run(QDir(m_root).filePath(QStringLiteral("usr/bin/flexmigrate")),
               {QStringLiteral("--screenshot"), file, QStringLiteral("--screenshot-delay"), QStringLiteral("800")}, 60000, env);
}

void TestPackage::installedGuiStartsOffscreen()
{
    const QString english = m_work.filePath(QStringLiteral("en.png"));
    const Run en = screenshot(QStringLiteral("C"), english);
    QVERIFY2(en.exitCode == 0, qPrintable(describe(QStringLiteral("flexmigrate (GUI, offscreen)"), en)));
    const QImage enImage(english);
    QVERIFY2(!enImage.isNull() && enImage.width() > 200 && enImage.height() > 200, "the GUI wrote no usable screenshot");

    const QString german = m_work.filePath(QStringLiteral("de.png"));
    const Run de = screenshot(QStringLiteral("de_DE.UTF-8"), german);
    QVERIFY2(de.exitCode == 0, qPrintable(describe(QStringLiteral("flexmigrate (GUI, offscreen, de)"), de)));
    const QImage deImage(german);
    QVERIFY(!deImage.isNull());
    // Same window, other language: the embedded German catalogue was picked by the locale.
    QVERIFY2(deImage != enImage, "the German window looks exactly like the English one: the translation was not loaded");
}

QTEST_MAIN(TestPackage)
#include "tst_package.moc"
