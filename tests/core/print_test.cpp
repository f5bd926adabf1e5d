// operator<< of predictions and findings: what GoogleTest's "Actual:" lines show.
#include <gtest/gtest.h>

#include <sstream>

#include "snapkey/check.hpp"
#include "snapkey/predict.hpp"

namespace snapkey {
namespace {

template <typename T>
std::string printed(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

Prediction aws_rds_copy() {
  Prediction p;
  p.id = "aurora@virginia-default";
  p.operation = Operation::copy;
  p.region = Region{"us-east-1"};
  p.account = AccountId{"111111111111"};
  p.outcome = Outcome::encrypted;
  Key key;
  key.name = "alias/aws/rds";
  key.aliases = {"alias/aws/rds"};
  key.manager = KeyManager::aws;
  p.key = key;
  p.rules = {"R6", "R9"};
  return p;
}

TEST(Print, PredictionInOneLine) {
  EXPECT_EQ(printed(aws_rds_copy()),
            "aurora@virginia-default (copy in us-east-1/111111111111): encrypted with "
            "alias/aws/rds; rules R6, R9");
}

TEST(Print, PredictionWithoutKeyOrRules) {
  Prediction p;
  p.id = "orders@Default/restore";
  p.operation = Operation::restore;
  p.region = Region{"eu-west-1"};
  p.account = AccountId{"222222222222"};
  p.outcome = Outcome::indeterminate;
  EXPECT_EQ(printed(p),
            "orders@Default/restore (restore in eu-west-1/222222222222): indeterminate");
}

TEST(Print, FindingInOneLineMarkedWhenSuppressed) {
  Finding f;
  f.check = "JOB_FAILS";
  f.severity = Severity::error;
  f.subject = "sessions@central";
  f.message = "The copy fails.";
  EXPECT_EQ(printed(f), "error JOB_FAILS sessions@central: The copy fails.");
  f.suppressed_by = Suppression{};
  EXPECT_EQ(printed(f), "error JOB_FAILS sessions@central: The copy fails. (suppressed)");
}

TEST(Print, Enums) {
  EXPECT_EQ(printed(Outcome::fails), "fails");
  EXPECT_EQ(printed(Operation::native_copy), "native-copy");
  EXPECT_EQ(printed(Severity::info), "info");
}

}  // namespace
}  // namespace snapkey
