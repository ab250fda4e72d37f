// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// The German and Japanese translations are complete (issue 9): no unfinished or
// vanished entry in the committed .ts files, none after lupdate runs over the
// current sources (a new tr() string without a translation fails here), the
// placeholders and mnemonics survive translation, and the compiled .qm files
// (embedded into the app by cmake/Packaging.cmake) return every translation.
//
// When this fails after you added or changed a tr() string:
//   cmake --build build --target update_translations
// then translate the entries marked type="unfinished" in translations/*.ts
// (Qt Linguist, or by hand) and drop the type attribute.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // translation type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or the numerus forms
};

struct TsFile
{
    QString language;
    QString sourceLanguage;
    QList<Message> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1").arg(path);
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                ts.language = xml.attributes().value(QLatin1String("language")).toString();
                ts.sourceLanguage = xml.attributes().value(QLatin1String("sourcelanguage")).toString();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = Message{};
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("comment")) {
                current.comment = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ts.messages << current;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    return ts;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(FLEXMIGRATE_SOURCE_DIR "/translations/flexmigrate_%1.ts").arg(language);
}

QString describe(const Message &m)
{
    return QStringLiteral("%1 / \"%2\"").arg(m.context, m.source);
}

/** %1..%99, %L1, %n: what QString::arg and tr(..., n) substitute. */
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:L?\\d{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

/** A mnemonic is a single '&' before a letter or digit ("&&" is a literal ampersand, "A & B" is text). */
bool hasMnemonic(const QString &text)
{
    QString t = text;
    t.replace(QLatin1String("&&"), QString());
    static const QRegularExpression re(QStringLiteral("&[\\p{L}\\p{N}]"));
    return re.match(t).hasMatch();
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void committedFileIsComplete_data();
    void committedFileIsComplete();
    void upToDateWithSources_data();
    void upToDateWithSources();
    void compiledCatalogueTranslatesEverything_data();
    void compiledCatalogueTranslatesEverything();
};

void TestTranslations::committedFileIsComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("numerusForms"); // Qt's plural rules: German 2 (one, other), Japanese 1
    QTest::newRow("de") << QStringLiteral("de") << 2;
    QTest::newRow("ja") << QStringLiteral("ja") << 1;
}

void TestTranslations::committedFileIsComplete()
{
    QFETCH(QString, language);
    QFETCH(int, numerusForms);
    const TsFile ts = readTs(tsPath(language));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.language, language);
    QCOMPARE(ts.sourceLanguage, QStringLiteral("en"));
    QVERIFY2(ts.messages.size() > 50, "the .ts file lost its messages");

    QStringList problems;
    for (const Message &m : ts.messages) {
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1 is %2").arg(describe(m), m.type);
            continue;
        }
        if (m.numerus && m.translations.size() != numerusForms) {
            problems << QStringLiteral("%1 has %2 plural forms, %3 needs %4").arg(describe(m)).arg(m.translations.size()).arg(language).arg(numerusForms);
            continue;
        }
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty())
                problems << QStringLiteral("%1 has an empty translation").arg(describe(m));
            else if (placeholders(t) != placeholders(m.source))
                problems << QStringLiteral("%1: placeholders %2 in the source, %3 in \"%4\"")
                                .arg(describe(m), placeholders(m.source).join(QLatin1Char(',')), placeholders(t).join(QLatin1Char(',')), t);
            else if (hasMnemonic(m.source) != hasMnemonic(t))
                problems << QStringLiteral("%1: the keyboard mnemonic (&) is lost or added in \"%2\"").arg(describe(m), t);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s) in %2:\n  ").arg(problems.size()).arg(tsPath(language)) + problems.join(QStringLiteral("\n  "))));
}

void TestTranslations::upToDateWithSources_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("ja") << QStringLiteral("ja");
}

void TestTranslations::upToDateWithSources()
{
    QFETCH(QString, language);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("flexmigrate_%1.ts").arg(language));
    QVERIFY(QFile::copy(tsPath(language), copy));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    // The same sources and include path as the update_translations target
    // (cmake/Packaging.cmake), but keeping vanished entries so they can be counted.
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(FLEXMIGRATE_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-I"), QStringLiteral(FLEXMIGRATE_SOURCE_DIR),
                   QStringLiteral("@" FLEXMIGRATE_TR_SOURCES), QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(90000), "lupdate did not finish in 90 s");
    const QString output = QString::fromLocal8Bit(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));

    const TsFile ts = readTs(copy);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList untranslated;
    QStringList vanished;
    for (const Message &m : ts.messages) {
        if (m.type == QLatin1String("unfinished"))
            untranslated << describe(m);
        else if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            vanished << describe(m);
    }
    QVERIFY2(untranslated.isEmpty(),
             qPrintable(QStringLiteral("%1 string(s) in the sources have no %2 translation (run the update_translations target and translate them):\n  ")
                            .arg(untranslated.size())
                            .arg(language)
                        + untranslated.join(QStringLiteral("\n  "))));
    QVERIFY2(vanished.isEmpty(),
             qPrintable(QStringLiteral("%1 %2 translation(s) are for strings no longer in the sources (run update_translations):\n  ")
                            .arg(vanished.size())
                            .arg(language)
                        + vanished.join(QStringLiteral("\n  "))));
}

void TestTranslations::compiledCatalogueTranslatesEverything_data()
{
    upToDateWithSources_data();
}

void TestTranslations::compiledCatalogueTranslatesEverything()
{
    QFETCH(QString, language);
    QTranslator translator;
    const QString qm = QStringLiteral(FLEXMIGRATE_QM_DIR "/flexmigrate_%1.qm").arg(language);
    QVERIFY2(translator.load(qm), qPrintable(QStringLiteral("cannot load %1 (built by the flexmigrate_lrelease target)").arg(qm)));
    QCOMPARE(translator.language(), language);

    // QTranslator::load(QLocale, ...) is what app/translations.cpp uses; a
    // regional locale must find the language file.
    QTranslator byLocale;
    QVERIFY(byLocale.load(QLocale(language == QLatin1String("de") ? QStringLiteral("de_AT") : QStringLiteral("ja_JP")), QStringLiteral("flexmigrate"),
                          QStringLiteral("_"), QStringLiteral(FLEXMIGRATE_QM_DIR)));

    const TsFile ts = readTs(tsPath(language));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList wrong;
    for (const Message &m : ts.messages) {
        if (!m.type.isEmpty() || m.translations.isEmpty())
            continue; // reported by committedFileIsComplete
        const QByteArray context = m.context.toUtf8();
        const QByteArray source = m.source.toUtf8();
        const QByteArray comment = m.comment.isEmpty() ? QByteArray() : m.comment.toUtf8();
        const QString got = translator.translate(context.constData(), source.constData(), comment.isEmpty() ? nullptr : comment.constData(),
                                                 m.numerus ? 1 : -1);
        const QString expected = m.translations.first();
        if (got != expected)
            wrong << QStringLiteral("%1 -> \"%2\", expected \"%3\"").arg(describe(m), got, expected);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
