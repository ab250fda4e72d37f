// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#include "app/translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

#ifndef FLEXMIGRATE_APP_ID
#define FLEXMIGRATE_APP_ID "org.flexmigrate.FlexMigrate"
#endif

namespace fm::app {

QString installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // QTranslator::load(QLocale, ...) walks locale.uiLanguages() (LANGUAGE,
    // LC_ALL, LC_MESSAGES, LANG on Unix) and takes the first match, so "de_AT"
    // finds flexmigrate_de.qm.
    auto *own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("flexmigrate"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);

    // Only with our own translation loaded: a German QWizard button in an
    // otherwise English window would be worse than all English.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return own->language().section(QLatin1Char('_'), 0, 0);
}

void applyDesktopIdentity()
{
    // The desktop file name lets Wayland compositors and the GNOME/KDE shells
    // match the window to org.flexmigrate.FlexMigrate.desktop (and its icon).
    QGuiApplication::setDesktopFileName(QStringLiteral(FLEXMIGRATE_APP_ID));
    // PNGs only: the SVG needs Qt's svg icon engine plugin, which is optional.
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/flexmigrate.png").arg(size), QSize(size, size));
    QGuiApplication::setWindowIcon(icon);
    applyColorScheme(qEnvironmentVariable("FLEXMIGRATE_COLOR_SCHEME"));
}

void applyColorScheme(const QString &scheme)
{
    // Qt 6.4 follows a desktop's dark mode only through a platform theme that
    // provides one (KDE's; not GNOME's or the generic one), so a user can ask
    // for it: FLEXMIGRATE_COLOR_SCHEME=dark. Fusion is the style that paints
    // every role of the palette (README, packaging/README.md).
    if (scheme.compare(QLatin1String("dark"), Qt::CaseInsensitive) != 0)
        return;
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe6, 0xe6, 0xe6), disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6e, 0x6e));
    p.setColor(QPalette::Light, QColor(0x48, 0x48, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x3c, 0x3c));
    p.setColor(QPalette::Mid, QColor(0x24, 0x24, 0x24));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb4, 0x9c, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    QApplication::setPalette(p);
}

} // namespace fm::app
