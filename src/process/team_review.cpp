#include <oppteam/process/team_review.hpp>

#include <oppteam/process/access.hpp>
#include <oppteam/store/team_store.hpp>

#include <oppteam/audit/audit_detail.hpp>
#include <oppteam/audit/audit_log.hpp>
#include <oppteam/util/dates.hpp>
#include <oppteam/util/nearest.hpp>
#include <oppteam/util/text.hpp>


#include <set>

namespace oppteam {

namespace {

const ReviewItem* find_item(const Rammeverk& rv, std::string_view id) {
  for (const auto& i : rv.team_review_items)
    if (i.id == id) return &i;
  return nullptr;
}

int parse_value(const ReviewItem& item, const std::string& text) {
  if (!item.scale) {
    static const std::set<std::string> yes{"ja", "j", "yes", "y", "1", "true"};
    static const std::set<std::string> no{"nei", "n", "no", "0", "false"};
    if (yes.count(text)) return 1;
    if (no.count(text)) return 0;
    throw make_error(ExitCode::data, "review.bad_yes_no", item.id, text);
  }
  int v = 0;
  std::size_t used = 0;
  try {
    v = std::stoi(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || v < item.scale->first || v > item.scale->second)
    throw make_error(ExitCode::data, "review.bad_scale", item.id, text, item.scale->first, item.scale->second);
  return v;
}

}  // namespace

TeamReview add_team_review(const Context& ctx, std::string_view case_number, const std::vector<std::string>& answers) {
  const AuthorisedCase ac = authorize_case(ctx, "team.review", case_number);
  const CaseRef& c = ac;
  TeamReview r;
  for (const auto& a : answers) {
    require_text(a, "--answer", TextField::line);
    const auto eq = a.find('=');
    if (eq == std::string::npos) throw make_error(ExitCode::usage, "review.bad_answer", a);
    const std::string id = a.substr(0, eq);
    const ReviewItem* item = find_item(ctx.rv, id);
    if (!item) {
      const auto ids = entry_ids(ctx.rv.team_review_items);
      throw unknown_value("review.unknown_item", {id, join(ids)}, id, ids);
    }
    if (r.answers.count(id)) throw make_error(ExitCode::usage, "review.twice", id);
    r.answers[id] = parse_value(*item, a.substr(eq + 1));
  }
  std::string missing;
  for (const auto& i : ctx.rv.team_review_items)
    if (!r.answers.count(i.id)) missing += (missing.empty() ? "" : ", ") + i.id;
  if (!missing.empty()) throw make_error(ExitCode::usage, "review.missing", missing);
  return ctx.db.write([&] {
    TeamStore store(ctx.db);
    if (store.status_of(c.id) != TeamStatus::active) throw make_error(ExitCode::refused, "review.no_active_team", c.number);
    r.date = format_date(ctx.today());
    r.reviewed_by = ctx.actor;
    store.add_review(c.id, r);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "team.review", c.number, c.fnr,
                 audit_detail("team.review", "audit.d.review_answers", {std::to_string(r.answers.size())}));
    return r;
  });
}

std::vector<TeamReview> list_team_reviews(const Context& ctx, std::string_view case_number) {
  const AuthorisedCase ac = authorize_case(ctx, "case.read", case_number);
  const CaseRef& c = ac;
  return ctx.db.write([&] {
    std::vector<TeamReview> out = TeamStore(ctx.db).reviews(c.id);
    audit_record(ctx.db, ctx.clock, ctx.actor, ctx.rv.hash, "review.list", c.number, c.fnr, "");
    return out;
  });
}

nlohmann::json to_json(const Rammeverk& rv, const TeamReview& r) {
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& [id, v] : r.answers) {
    const ReviewItem* item = find_item(rv, id);
    if (item && !item->scale) answers[id] = v != 0;
    else answers[id] = v;
  }
  return {{"date", r.date}, {"reviewed_by", r.reviewed_by}, {"answers", answers}};
}

std::vector<TeamReviewCount> team_review_counts(Database& db, const Rammeverk& rv, const std::string& from,
                                                const std::string& to, const std::string& period_expr) {
  std::vector<TeamReviewCount> out;
  for (auto& row : TeamStore(db).review_counts(from, to, period_expr)) {
    const ReviewItem* item = find_item(rv, row.item);
    if (!item) continue;  // an item the rammeverk no longer has
    out.push_back({item, std::move(row.period), row.person, row.reviews, row.sum});
  }
  return out;
}

}  // namespace oppteam
