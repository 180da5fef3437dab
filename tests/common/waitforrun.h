// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <source_location>

namespace Opbox {
class RunService;
}

namespace Opbox::Test {

/** How long a test waits for a run to end unless it says otherwise. */
inline constexpr int RunTimeoutMs = 30000;

/**
 * Waits until run `runId` of `runs` has ended (COMPLETED, FAILED or CANCELLED): on
 * RunService::runFinished, or at once when it had already ended. When it has not ended within
 * `timeoutMs` (or does not exist), the current test fails at the caller's line with the run's last
 * state and false is returned, so that the caller can stop: `QVERIFY(Test::waitForRun(…))`.
 */
[[nodiscard]] bool waitForRun(RunService *runs, const QString &runId, int timeoutMs = RunTimeoutMs,
                              std::source_location where = std::source_location::current());

} // namespace Opbox::Test
