// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Opbox {

struct CommandLine;

/**
 * Entry points of the administrator's commands (`token create|list|revoke`, `key rotate`), which
 * work on a data directory directly, without a server; each returns the process's exit code.
 */
class AdminCommandRunner
{
public:
    /** `token create …`: prints only the token on stdout. */
    static int tokenCreate(const CommandLine &cl);
    /** `token list [--user EMAIL]`: one tab-separated line per token, never a token's value. */
    static int tokenList(const CommandLine &cl);
    /** `token revoke ID`: 0 when revoked, 1 for an id that names no active token. */
    static int tokenRevoke(const CommandLine &cl);
    /** `key rotate`: a new master key where the current one lives; every secret re-encrypted under it. */
    static int keyRotate(const CommandLine &cl);
};

} // namespace Opbox
