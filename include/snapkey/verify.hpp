// Checking predictions against what AWS did: each copy job (list-copy-jobs / describe-copy-job)
// and recovery point (list-recovery-points-by-backup-vault) that the input reports is matched
// with the prediction for the same source and destination, and their keys and outcomes compared.
//
//   snapkey::VerifyReport report = snapkey::verify(model, predictions);
//   if (report.disagreements() > 0) ...
#ifndef SNAPKEY_VERIFY_HPP
#define SNAPKEY_VERIFY_HPP

#include <optional>
#include <string>
#include <vector>

#include "snapkey/model.hpp"
#include "snapkey/predict.hpp"

namespace snapkey {

enum class Agreement { agree, disagree, not_predicted };
std::string_view to_string(Agreement agreement);  // agree | disagree | not-predicted

struct Verification {
  Agreement agreement = Agreement::not_predicted;
  std::string observed;  // what AWS reported, in a line: "copy job 1234: COMPLETED, key arn:..."
  std::optional<std::string> prediction_id;  // the matching prediction, if any
  std::string predicted;  // what snapkey predicted, in a line: "encrypted with alias/x (arn)"
  std::vector<std::string> rules;  // the rules behind the prediction
  std::string reason;              // why they (dis)agree
  Location location;               // where the observation is in the input
};

struct VerifyReport {
  Date as_of;                               // the AWS behaviour the predictions are for
  std::vector<Verification> verifications;  // in a stable order
  std::size_t count(Agreement agreement) const;
  std::size_t disagreements() const { return count(Agreement::disagree); }
};

// Pure, like predict().
VerifyReport verify(const Model& model, const Predictions& predictions);

}  // namespace snapkey

#endif  // SNAPKEY_VERIFY_HPP
