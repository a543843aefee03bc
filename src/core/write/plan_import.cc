#include "core/write/plan_import.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "core/base/fs.h"
#include "core/base/text.h"
#include "core/read/toml_fields.h"
#include "core/write/add.h"

namespace tally {

namespace {

// The bureaus of the new plan: those given, and those made from names.
class Registry {
 public:
  explicit Registry(const PlanImportOptions& o) : given_(o.bureaus) {
    for (const auto& b : given_) taken_.insert(b.id);
  }

  // The id of the bureau `name` names, made when no bureau matches.
  std::string resolve(const std::string& name) {
    for (const auto* list : {&given_, &made_}) {
      for (const auto& b : *list) {
        if (b.id == name || b.name == name || b.full_name == name) return b.id;
        for (const auto& a : b.aliases)
          if (a == name) return b.id;
      }
    }
    const std::string key = bureau_key(name);
    for (const auto& b : given_) {
      if (bureau_key(b.name) == key || (!b.full_name.empty() && bureau_key(b.full_name) == key))
        return b.id;
      for (const auto& a : b.aliases)
        if (bureau_key(a) == key) return b.id;
    }
    for (auto& b : made_) {
      if (bureau_key(b.name) == key) {
        b.aliases.push_back(name);  // another spelling of a bureau made from the table
        return b.id;
      }
    }
    Bureau b;
    for (size_t n = 1;; ++n) {
      b.id = fmt::format("b{:02}", n);
      if (!taken_.count(b.id)) break;
    }
    taken_.insert(b.id);
    b.name = name;
    made_.push_back(b);
    return b.id;
  }

  std::string name_of(const std::string& id) const {
    for (const auto* list : {&given_, &made_}) {
      for (const auto& b : *list)
        if (b.id == id) return b.name;
    }
    return id;
  }

  const std::vector<Bureau>& made() const { return made_; }
  size_t size() const { return given_.size() + made_.size(); }

 private:
  std::vector<Bureau> given_;
  std::vector<Bureau> made_;
  std::set<std::string> taken_;
};

// The comment that quotes a row: its file and line, and its cells.
std::string row_comment(const std::string& table_name, const TableEntry& e) {
  std::vector<std::string> cells;
  for (const auto& c : e.cells) cells.push_back(one_line(std::string(trim(c))));
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  return fmt::format("# {}:{}: {}\n", table_name, e.line, fmt::join(cells, " | "));
}

// An action of the new plan: its id, name and entries.
struct NewAction {
  std::string id;
  std::string name;
  std::vector<const TableEntry*> entries;
};

// The slug of an item id "<action>.<slug>" when it is one, else "".
std::pair<std::string, std::string> id_parts(const std::string& id) {
  auto dot = id.find('.');
  if (dot == std::string::npos) return {};
  std::string a = id.substr(0, dot), s = id.substr(dot + 1);
  if (!is_slug(a) || !is_slug(s)) return {};
  return {a, s};
}

std::string bureaus_text(const PlanImportOptions& o, const Registry& reg,
                         const std::string& title) {
  std::string out;
  if (o.bureaus_text.empty()) {
    out = fmt::format(
        "# The bureaus of {}\n"
        "# made by `tally plan import` from {}: one for each name its\n"
        "# rows use, with ids b01, b02 … in the order they first appear.\n"
        "# Give each bureau its full name, and the other spellings the documents use\n"
        "# as aliases; an id may be changed where the action files use it too.\n",
        one_line(title), o.table_name);
  } else {
    out = o.bureaus_text;
    if (!out.empty() && out.back() != '\n') out += '\n';
    if (!reg.made().empty()) {
      out += fmt::format("\n# Added by `tally plan import`: names {} uses that {} does not have.\n",
                         o.table_name, o.bureaus_path);
    }
  }
  for (const auto& b : reg.made()) {
    out += fmt::format("\n[bureau.{}]\nname = {}\naliases = {}\n", b.id, toml_string(b.name),
                       toml_strings(b.aliases));
  }
  return out;
}

}  // namespace

PlanImport plan_import_files(const PlanTable& table, const PlanImportOptions& o) {
  PlanImport out;
  Registry reg(o);
  const std::string title =
      table.title.empty() ? fmt::format("{}年重点工作", table.year) : table.title;

  // The actions, in the order the table names them; an action's id is the
  // one its rows' ids start with (tally's own export), else a01, a02 ….
  std::vector<NewAction> actions;
  std::set<std::string> action_ids;
  for (const auto& e : table.entries) {
    const std::string name = e.action.empty() ? title : e.action;
    auto it = std::find_if(actions.begin(), actions.end(),
                           [&](const NewAction& a) { return a.name == name; });
    if (it == actions.end()) {
      NewAction a;
      a.name = name;
      a.id = id_parts(e.id).first;
      if (a.id.empty() || action_ids.count(a.id)) a.id = fmt::format("a{:02}", actions.size() + 1);
      action_ids.insert(a.id);
      actions.push_back(a);
      it = actions.end() - 1;
    }
    it->entries.push_back(&e);
  }

  // Bureau ids in the order the rows name them, so the registry reads as the table.
  auto ids_of = [&](const std::vector<std::string>& names) {
    std::vector<std::string> ids;
    for (const auto& n : names) {
      std::string id = reg.resolve(n);
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
  };
  auto bureau_line = [&](const char* key, const std::vector<std::string>& ids, bool one) {
    std::vector<std::string> names;
    for (const auto& id : ids) names.push_back(reg.name_of(id));
    std::string value = one && ids.size() == 1 ? toml_string(ids[0]) : toml_strings(ids);
    if (names.empty()) return fmt::format("{} = {}\n", key, value);
    return fmt::format("{} = {}  # {}\n", key, value, fmt::join(names, "、"));
  };

  size_t number = 0;
  for (const auto& a : actions) {
    ++number;
    std::string body;
    std::vector<std::string> action_lead;
    std::set<std::string> used;
    size_t n = 0;
    for (const TableEntry* e : a.entries) {
      ++n;
      // The entry's id: the table's when it belongs to this action, else <action>.NN.
      std::string slug = id_parts(e->id).first == a.id ? id_parts(e->id).second : "";
      if (slug.empty()) slug = fmt::format("{:02}", n);
      std::string id = a.id + "." + slug;
      for (int k = 2; used.count(id); ++k) id = fmt::format("{}.{}-{}", a.id, slug, k);
      used.insert(id);
      auto lead = ids_of(e->lead);
      auto co = ids_of(e->co);
      if (action_lead.empty() && !lead.empty() && e->what != TableEntry::What::kStub)
        action_lead.push_back(lead.front());
      std::string source = e->source;
      if (source.empty() && !e->number.empty())
        source = fmt::format("{} 序号{}", one_line(title), e->number);

      body += "\n" + row_comment(o.table_name, *e);
      for (const auto& h : e->from_above)
        body += fmt::format("# {} taken from the row above (a merged cell)\n", h);
      if (e->what == TableEntry::What::kStub) {
        out.stubs.push_back({e->line, e->reason});
        body += fmt::format("# Not imported: {}.\n", e->reason);
        body += fmt::format("# [[indicator]]\n# id = {}\n# name = {}\n", toml_string(id),
                            toml_string(one_line(e->name)));
        if (!lead.empty()) body += "# " + bureau_line("lead", lead, true);
        continue;
      }
      if (e->what == TableEntry::What::kTask) {
        ++out.tasks;
        body += fmt::format("[[task]]\nid = {}\nname = {}\ntext = {}\n", toml_string(id),
                            toml_string(e->name), toml_string(e->text));
        body += bureau_line("lead", lead, false);
        body += bureau_line("co", co, false);
        if (e->due) body += fmt::format("due = {}\n", format_date(*e->due));
      } else {
        ++out.indicators;
        body += fmt::format("[[indicator]]\nid = {}\nname = {}\nkind = \"{}\"\n", toml_string(id),
                            toml_string(e->name), kind_name(e->kind));
        if (e->kind == Kind::kMilestone) {
          body += fmt::format("due = {}\n", format_date(*e->due));
          if (e->in_progress_by) {
            body += fmt::format("stages = [{{ date = {}, stage = \"in-progress\" }}]\n",
                                format_date(*e->in_progress_by));
          }
        } else {
          body += fmt::format("unit = {}\ntarget = {}\ndirection = \"{}\"\n", toml_string(e->unit),
                              e->target->str(), direction_name(e->direction));
        }
        body += bureau_line("lead", lead, true);
        body += bureau_line("co", co, false);
      }
      body += fmt::format("source = {}\n", toml_string(source));
      if (!e->note.empty()) body += fmt::format("note = {}\n", toml_string(e->note));
    }
    if (action_lead.empty() && !a.entries.empty() && !a.entries.front()->lead.empty())
      action_lead.push_back(reg.resolve(a.entries.front()->lead.front()));
    std::string head = fmt::format(
        "# {}\n"
        "# Made by `tally plan import` from {}: one entry for each row, each\n"
        "# below the row it was read from. Rows it could not read are comments saying\n"
        "# why: write them by hand, then run `tally check`.\n\n"
        "[action]\nid = {}\nnumber = {}\nname = {}\n",
        one_line(a.name), o.table_name, toml_string(a.id), number, toml_string(a.name));
    std::string path = fmt::format("actions/{:02}-{}.toml", number, a.id);
    if (action_lead.empty()) {
      // No row of this action names a lead, and none can be invented: the
      // empty list is where `tally check` points, and the note says so.
      head += "lead = []  # no row of this action names a lead bureau: write its id here\n";
      out.leaderless.push_back(path);
    } else {
      head += bureau_line("lead", action_lead, false);
    }
    out.files.push_back({std::move(path), head + body});
  }
  out.actions = actions.size();

  ScaffoldOptions so;
  so.id = o.id;
  so.title = title;
  so.year = table.year;
  so.made_by = fmt::format("`tally plan import` from {}", o.table_name);
  auto scaffold = scaffold_files(so);
  out.files.insert(out.files.begin(), {"bureaus.toml", bureaus_text(o, reg, title)});
  out.files.insert(out.files.begin(), scaffold.front());
  out.bureaus = reg.size();
  out.bureaus_added = reg.made().size();
  return out;
}

}  // namespace tally
