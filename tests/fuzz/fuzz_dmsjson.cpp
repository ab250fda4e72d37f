// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 FlexMigrate contributors
//
// Fuzz target: the DMS response parsers (engine/dms dmstask: task with output,
// service, project, command, single output items). Property: no crash, no
// exception, no sanitizer report; task outputs of any shape end up typed or as
// UnknownOutput (dmstask.h: parseOutputItem never fails). Seeds: tests/data/dms.

#include "engine/dms/dmstask.h"
#include "tests/fuzz/fuzzsupport.h"

using namespace fm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto body = fuzz::json(data, size);
    if (!body)
        return 0;
    if (auto task = dms::parseProjectTask(*body)) {
        (void)task->databases();
        (void)task->tables();
        (void)task->migration();
        (void)task->migrationErrors();
        (void)task->databaseErrors();
    }
    (void)dms::parseService(*body);
    (void)dms::parseProject(*body);
    (void)dms::parseCommand(*body);
    (void)dms::parseOutputItem(*body);
    if (body->is_array()) {
        for (const auto &item : *body)
            (void)dms::parseOutputItem(item);
    }
    return 0;
}
