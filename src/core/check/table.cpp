// The check table: every check's id, default severity, title, rationale and usual fix.
// docs/checks.md is rendered from it (io::render_checks_markdown), so the text is user
// documentation. Rule ids in `rules` are looked up in rule_table() for their sources; the
// spec's unknowns (U-1, U-8...) are cited in the rationale only, since they are not rules.
#include <algorithm>
#include <array>

#include "snapkey/check.hpp"

namespace snapkey {
namespace {

using Rules = std::span<const std::string_view>;

constexpr std::string_view kJobFailsRules[] = {"R12", "R13", "R14", "R21", "R22", "R23", "R25",
                                               "R26", "R27", "R30", "R32", "R42", "R43", "R44"};
constexpr std::string_view kUnsupportedRules[] = {"R17", "R18", "R19", "R20", "R21",
                                                  "R35", "R42", "R44", "R45"};
constexpr std::string_view kUnencryptedRules[] = {"R3", "R15", "R34", "R39", "R40", "R41"};
constexpr std::string_view kAwsManagedRules[] = {"R6", "R9", "R12", "R13", "R29"};
constexpr std::string_view kMrkRules[] = {"R7", "R8"};
constexpr std::string_view kKeyStateRules[] = {"R26", "R27", "R28", "R29"};
constexpr std::string_view kSharesKeyRules[] = {"R7", "R11", "R26"};
constexpr std::string_view kCrossRegionRules[] = {"R7", "R18", "R19", "R20"};
constexpr std::string_view kCrossAccountRules[] = {"R12", "R13", "R14", "R18"};
constexpr std::string_view kManagerRules[] = {"R6", "R7", "R9", "R29"};
constexpr std::string_view kAllowedRules[] = {"R2", "R6", "R31", "R32"};
constexpr std::string_view kDocConflictRules[] = {"R9", "R15", "R21", "R34", "R42", "R45"};

constexpr std::array<CheckInfo, 17> kChecks = {{
    {kJobFails, Severity::error, true,
     "A backup, copy, native copy or restore is predicted to fail",
     "snapkey predicts that AWS will reject or fail this job, so the recovery point it should make "
     "will not exist. The usual causes: a cross-account copy whose source key is AWS managed or "
     "not "
     "shared with the destination account's AWSServiceRoleForBackup (R12, R30), a cross-account "
     "copy into the Default vault or "
     "another aws/backup vault (R13, U-2), accounts outside one organization or a vault access "
     "policy that does not let the source in (R14), a disabled or pending-deletion key (R26, R27), "
     "a logically air-gapped vault with an AWS managed source key (R21, R22), an on-demand copy "
     "of a continuous recovery point (R23), an option group missing in the destination Region "
     "(R25), a native cross-Region copy without KmsKeyId (R32), a rule's air-gapped target in "
     "another account or Region (R42), a key that is not a symmetric encryption key (R43), an "
     "air-gapped vault whose customer managed key its account may not use (R44).",
     Rules(kJobFailsRules),
     "Change what the prediction's explanation names: use a customer managed key the destination "
     "account may use, copy into a vault keyed with a customer managed key, allow the source "
     "account in the vault access policy, or enable the key."},
    {kUnsupported, Severity::error, true,
     "A backup or copy is not supported for this resource type, partition, Region or date",
     "AWS Backup refuses some copies outright: Multi-AZ DB clusters support no copies (R17), no "
     "copy crosses a partition and China and GovCloud limit their Regions (R19), opt-in Regions "
     "limit DocumentDB and Neptune copies (R20), and single-action cross-Region plus cross-account "
     "copies, one-step copies into logically air-gapped vaults, air-gapped rule targets and "
     "customer managed keys on air-gapped vaults exist only since their launch dates (R18, R21, "
     "R35, R42, R44), a source on an AWS managed key is never copied into a rule's air-gapped "
     "target (R42), and restore access vaults take no backups or copies (R45). The recovery "
     "point this job should make will never exist.",
     Rules(kUnsupportedRules),
     "Copy in two steps (first to another Region in the same account, then to the other "
     "account), pick a destination the resource type supports, or predict for a date after the "
     "feature launched (as_of)."},
    {kUnencrypted, Severity::error, true, "A recovery point is not encrypted",
     "A backup of an unencrypted database is unencrypted whatever the vault key (R3), and copies "
     "of unencrypted Aurora, DocumentDB and Neptune snapshots stay unencrypted in every vault "
     "(R15, R34). No vault setting fixes this: only an encrypted source gives encrypted recovery "
     "points. Aurora clusters created without a key are encrypted with an AWS owned key only "
     "from 2026-02-18 (R39, R41); an RDS DB instance restore cannot add a key (R40).",
     Rules(kUnencryptedRules),
     "Encrypt the database: restore a snapshot into an encrypted cluster or instance with a "
     "customer managed key and back that up instead."},
    {kAwsManagedCopyKey, Severity::error, true,
     "A copy is encrypted with an AWS managed key instead of a customer managed key",
     "A copy job takes its key from the destination vault, never from the source (R6). A "
     "same-account copy into the Default vault, or any vault keyed with aws/backup, comes out "
     "encrypted with the destination's aws/rds key (R9; the documentation says such a copy should "
     "fail, U-1). An AWS managed key's policy cannot be changed (R29), so that copy can never be "
     "copied to another account (R12, R13) and its access cannot be controlled or audited like a "
     "customer managed key's.",
     Rules(kAwsManagedRules),
     "Point the copy action at a vault in the same account and Region whose key is a customer "
     "managed key (a replica of the source's multi-Region key, if there is one); create such a "
     "vault if none exists."},
    {kMrkReplicaUnused, Severity::warning, true,
     "A replica of the source's multi-Region key exists in the destination Region but the copy "
     "does not use it",
     "AWS services treat multi-Region keys as single-Region keys: a copy job never picks the "
     "replica by itself, it takes the destination vault's key (R8a, R7). So a copy meant to stay "
     "on the same multi-Region key lands on whatever the vault has, aws/rds for the Default vault "
     "(the article's surprise). The replica takes part only when it is the destination vault's "
     "key (R8b).",
     Rules(kMrkRules),
     "Create a vault in the destination Region keyed with the replica and point the copy action "
     "at it."},
    {kKeyNotEnabled, Severity::error, true, "A recovery point depends on a key that is not enabled",
     "A key that is disabled, pending deletion, pending import or unavailable can neither encrypt "
     "nor decrypt: the backups, copies and restores that need it fail (R26, R27), and every "
     "recovery point already encrypted with it cannot be copied or restored until the key is "
     "usable again; a deleted key makes them unrecoverable for good. This check reports both the "
     "jobs that fail because of a key's state (which JOB_FAILS then leaves out) and recovery "
     "points made on such a key. Each related multi-Region key has its own state (R28). AWS "
     "managed keys are always enabled (R29), so this is always about a customer managed key.",
     Rules(kKeyStateRules),
     "Enable the key, or cancel its scheduled deletion (kms:CancelKeyDeletion), before anything "
     "needs the recovery point."},
    {kCopySharesSourceKey, Severity::warning, true,
     "A copy depends on the same key as the recovery point it protects",
     "A copy protects against losing the original only if it does not share the original's fate. "
     "A copy encrypted with the very key of its source (a same-Region copy keeping the key, R11), "
     "or a copy in another account encrypted with a key the source's account owns (U-8, R7), is "
     "lost together with the original when that one key is disabled or deleted (R26).",
     Rules(kSharesKeyRules),
     "Copy into a vault keyed with a customer managed key of the destination account (and, for a "
     "same-account copy, a different key from the source's)."},
    {kNotProtected,
     Severity::warning,
     true,
     "A resource is backed up by no plan or job",
     "No backup plan selects the resource and no job copies a recovery point of it, so there is "
     "no recovery point of it at all. Selections are evaluated per account and Region, with "
     "their resource, tag and condition tests; a resource the selections miss by a tag typo shows "
     "up here. A policy turns it off with backup: false under require, and its scope limits it.",
     {},
     "Add the resource (or a tag a selection matches) to a backup plan's selection, or take it "
     "out of the policy's scope."},
    {kNoCrossRegionCopy, Severity::error, false,
     "A resource has no copy predicted in a required Region",
     "AWS Config's cross-Region check (crossRegionList) asks whether a plan copies to another "
     "Region; this check asks whether a copy there is predicted to be made, encrypted or not. A "
     "copy that is predicted to fail or be unsupported (R7, R18, R19, R20) does not count, and the "
     "finding names it. Runs only when the policy's require section lists copy_regions or sets "
     "cross_region_copy (turning the check on alone means cross_region_copy); a resource's own "
     "Region is never required of it.",
     Rules(kCrossRegionRules),
     "Add a copy action to a vault in the required Region to a plan rule that backs the resource "
     "up, or fix the copy that is predicted to fail."},
    {kNoCrossAccountCopy, Severity::error, false,
     "A resource has no copy predicted in a required account",
     "AWS Config's cross-account check (crossAccountList) asks whether a plan copies to another "
     "account; this check asks whether a copy there is predicted to be made. Cross-account copies "
     "of RDS-family recovery points fail with AWS managed source keys or aws/backup destination "
     "vaults (R12, R13) and need one organization and a vault access policy (R14), and one action "
     "crosses a Region and an account only since October 2025 (R18); such a copy does not count. "
     "Runs only when the policy's require section lists copy_accounts or sets cross_account_copy "
     "(turning the check on alone means cross_account_copy); a resource's own account is never "
     "required of it.",
     Rules(kCrossAccountRules),
     "Add a copy action to a vault in the required account (keyed with a customer managed key "
     "shared with it) to a plan rule that backs the resource up, or fix the failing copy."},
    {kCopyKeyManager, Severity::error, false, "A copy's key is not managed by the required manager",
     "The destination vault decides a copy's key (R6, R7); the Default vault gives aws/rds (R9), a "
     "logically air-gapped vault an AWS owned key. A policy that sets copy_key_manager requires "
     "every copy's key to be managed by that party, e.g. customer managed keys whose policy and "
     "deletion you control (R29). Runs only when the policy sets copy_key_manager (turning the "
     "check on alone means customer); a copy that AWS_MANAGED_COPY_KEY already reports is not "
     "reported twice.",
     Rules(kManagerRules), "Point the copy at a vault keyed with a key of the required manager."},
    {kKeyNotAllowed, Severity::error, false,
     "A recovery point is encrypted with a key the policy does not allow",
     "A backup keeps the database's key (R2), a copy takes the destination vault's key (R6) and a "
     "native copy the KmsKeyId it is given (R31, R32). A policy that lists allowed_keys (key ARNs, "
     "alias names or ARNs, key ids or key names, with * wildcards) requires every encrypted "
     "backup's, copy's and native copy's key to match one of them. Runs only when the policy lists "
     "allowed_keys; turning the check on without any is an error (E_POLICY_ALLOWED_KEYS).",
     Rules(kAllowedRules),
     "Encrypt the recovery point with an allowed key: change the database's key, the destination "
     "vault's key or the KmsKeyId, or add the key to allowed_keys."},
    {kIndeterminate,
     Severity::warning,
     true,
     "A prediction is indeterminate",
     "snapkey could not decide the outcome because something it needs is not known: a key nobody "
     "exported, a vault or key a Terraform plan knows only after apply, a key policy or vault "
     "access policy that is not in the input. Unknown is never treated as absent, so the finding "
     "lists what is missing and where.",
     {},
     "Add the missing facts to the input (export the key or vault, or check after apply), then "
     "run snapkey again."},
    {kRestsOnDocConflict, Severity::info, true,
     "A prediction rests on behaviour where AWS documentation and observation disagree",
     "For a same-account copy into an aws/backup vault the documentation says the copy should "
     "fail, while the article and others observed it succeed with aws/rds (R9, U-1). snapkey "
     "predicts what was observed; AWS may change it. Two AWS documents also disagree on copies "
     "of unencrypted cluster snapshots (R15, R21, R34), on copies out of restore access vaults "
     "(R45), and a third party contradicts AWS on air-gapped targets of AWS managed sources "
     "(R42).",
     Rules(kDocConflictRules),
     "Avoid the disputed case: copy into a vault keyed with a customer managed key, or encrypt "
     "the source with one."},
    {kRestsOnInferredRule,
     Severity::info,
     true,
     "A prediction rests on an inferred rule",
     "At least one step of the prediction uses a rule that no AWS document states and nobody "
     "reported observing; snapkey inferred it from documented facts (the rule's confidence says "
     "so). Treat the prediction as likely, not certain, and verify it against a real job (snapkey "
     "verify).",
     {},
     "Run the job once and compare with snapkey verify, or design around the inferred case."},
    {kExpiredSuppression,
     Severity::warning,
     true,
     "A suppression has expired",
     "A suppression accepts an exception until its expires date (that day included). After it, "
     "the suppression no longer silences anything and the findings it covered count again; "
     "this finding says so, at the suppression's place in the policy file.",
     {},
     "Fix what the suppression covered, or extend its expires date with a new reason."},
    {kUnusedSuppression,
     Severity::info,
     true,
     "A suppression matches no finding",
     "A suppression that silences nothing is stale: the exception it accepted is gone, or its "
     "patterns never matched. Left in place, it may silence a new finding nobody reviewed.",
     {},
     "Delete the suppression, or correct its patterns."},
}};

}  // namespace

std::span<const CheckInfo> check_table() { return kChecks; }

const CheckInfo* find_check(std::string_view id) {
  const auto it = std::find_if(kChecks.begin(), kChecks.end(),
                               [&](const CheckInfo& info) { return info.id == id; });
  return it == kChecks.end() ? nullptr : &*it;
}

}  // namespace snapkey
