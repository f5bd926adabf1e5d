// The table shows Terraform addresses and CloudFormation logical ids next to the vault and the
// resource (src/render/predictions/table.cpp), wrapping what would pass column 80.
#include <gtest/gtest.h>

#include <string>

#include "snapkey/render/predictions.hpp"
#include "snapkey/render/tables.hpp"

namespace snapkey::render {
namespace {

Predictions one(std::optional<std::string> vault_address,
                std::optional<std::string> resource_address) {
  Prediction p;
  p.id = "orders@dr";
  p.operation = Operation::copy;
  p.resource = "orders";
  p.vault = "dr";
  p.region = Region{"us-east-1"};
  p.account = AccountId{"111111111111"};
  p.outcome = Outcome::indeterminate;
  p.rules = {"R6"};
  p.message = "the vault's key is not known";
  p.vault_address = std::move(vault_address);
  p.resource_address = std::move(resource_address);
  Predictions predictions;
  predictions.as_of = Date{2026, 3, 1};
  predictions.recovery_points.push_back(std::move(p));
  return predictions;
}

// The second and following lines of the first block, up to the message line.
std::string place_of(const Predictions& predictions) {
  const std::string table = render_table(predictions, {});
  const std::size_t start = table.find("\n  us-east-1") + 1;
  return table.substr(start, table.find("  the vault's key") - start);
}

TEST(RenderAddressTest, NoAddresses) {
  EXPECT_EQ(place_of(one(std::nullopt, std::nullopt)),
            "  us-east-1  account 111111111111  vault dr\n");
}

TEST(RenderAddressTest, TheVaultsAddressFollowsItsName) {
  EXPECT_EQ(place_of(one("aws_backup_vault.dr", std::nullopt)),
            "  us-east-1  account 111111111111  vault dr (aws_backup_vault.dr)\n");
}

TEST(RenderAddressTest, TheResourcesAddressComesLast) {
  EXPECT_EQ(place_of(one("DrVault", "OrdersCluster")),
            "  us-east-1  account 111111111111  vault dr (DrVault)  resource OrdersCluster\n");
}

TEST(RenderAddressTest, ShortPartsShareALine) {
  EXPECT_EQ(place_of(one(R"(module.dr.aws_backup_vault.dr["us-east-1"])", "Orders")),
            "  us-east-1  account 111111111111  vault dr\n"
            "    (module.dr.aws_backup_vault.dr[\"us-east-1\"])  resource Orders\n");
}

TEST(RenderAddressTest, WhatPassesColumn80StartsANewLine) {
  EXPECT_EQ(place_of(one(R"(module.dr.aws_backup_vault.dr["us-east-1"])",
                         "module.db.aws_rds_cluster.orders")),
            "  us-east-1  account 111111111111  vault dr\n"
            "    (module.dr.aws_backup_vault.dr[\"us-east-1\"])\n"
            "    resource module.db.aws_rds_cluster.orders\n");
}

}  // namespace
}  // namespace snapkey::render
