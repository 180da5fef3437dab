// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the manifest parser and validator with manifest JSON (seeds: the built-in manifests). Any
// input must give either a manifest or problems that say where and what, never both, never neither.
#include "connectors/runtime/manifestparser.h"
#include "connectors/runtime/manifestvalidator.h"
#include "fuzzsupport.h"

using namespace Opbox;
using Opbox::Fuzz::check;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Opbox::Fuzz::startApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = Opbox::Fuzz::bytes(data, size);

    ManifestParser parser;
    const Result<ConnectorManifest> parsed = parser.parse(json);
    if (parsed) {
        check(parser.issues().isEmpty(), "a parsed manifest with problems");
    } else {
        check(!parsed.error().message.isEmpty(), "a refused manifest without a message");
        for (const ManifestIssue &issue : parser.issues())
            check(!issue.message.isEmpty() && (issue.path.isEmpty() || issue.path.startsWith(u'/')),
                  "a problem without a message or JSON pointer", issue.path);
    }

    for (const auto origin : {ManifestValidator::Origin::User, ManifestValidator::Origin::Builtin}) {
        const ManifestValidator::Outcome outcome = ManifestValidator::validate(json, origin);
        check(outcome.valid() || !outcome.issues.isEmpty(), "an invalid manifest without a problem");
        check(!outcome.valid() || parsed, "the validator took a manifest the parser refuses");
        for (const ManifestIssue &issue : outcome.issues)
            check(!issue.message.isEmpty(), "a problem without a message", issue.path);
        Q_UNUSED(outcome.summary());
        Q_UNUSED(outcome.issuesJson());
    }
    return 0;
}
