// The manual pages and the bash completion, written at build time from the
// same tree of commands and options that prints --help, so that neither can
// drift from the binary. The exit codes of each command come from the
// "## Exit codes" table of its page in docs/commands/.

#include "cli/manuals.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tally {
namespace {

// Text as roff reads it: backslashes and hyphens escaped, no line starting
// with a control character.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

bool is_help_or_version(const CLI::Option* opt) {
  const std::string name = opt->get_name();
  return name == "--help" || name == "--version";
}

// "--period PERIOD" or "-q, --quiet" as the option is written.
std::string option_label(const CLI::Option* opt) {
  std::vector<std::string> names;
  for (const auto& s : opt->get_snames()) names.push_back("-" + s);
  for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
  std::string label = fmt::format("{}", fmt::join(names, ", "));
  if (opt->get_items_expected_max() > 0) {
    std::string type = opt->get_type_name();
    if (type.empty()) type = "VALUE";
    label += " " + type;
  }
  return label;
}

std::vector<const CLI::Option*> named_options(const CLI::App& app) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->nonpositional() && !is_help_or_version(opt)) out.push_back(opt);
  }
  return out;
}

std::vector<const CLI::Option*> positionals(const CLI::App& app) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* opt : app.get_options()) {
    if (!opt->nonpositional()) out.push_back(opt);
  }
  return out;
}

void option_list(std::ostream& out, const std::vector<const CLI::Option*>& options) {
  for (const CLI::Option* opt : options) {
    out << ".TP\n.B " << roff(option_label(opt)) << "\n" << roff(opt->get_description()) << "\n";
  }
}

// The rows "| code | when |" of the "## Exit codes" table of a docs page.
std::vector<std::pair<std::string, std::string>> exit_codes(const std::string& page) {
  std::vector<std::pair<std::string, std::string>> rows;
  std::ifstream in(page);
  std::string line;
  bool in_section = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      in_section = line == "## Exit codes";
      continue;
    }
    if (!in_section || line.size() < 4 || line[0] != '|') continue;
    size_t bar = line.find('|', 1);
    if (bar == std::string::npos) continue;
    std::string code = line.substr(1, bar - 1);
    code.erase(0, code.find_first_not_of(' '));
    code.erase(code.find_last_not_of(' ') + 1);
    if (code.empty() || code.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string when = line.substr(bar + 1);
    if (!when.empty() && when.back() == '|') when.pop_back();
    when.erase(0, when.find_first_not_of(' '));
    when.erase(when.find_last_not_of(' ') + 1);
    std::string plain;
    for (char c : when) {
      if (c != '`') plain += c;
    }
    rows.emplace_back(code, plain);
  }
  return rows;
}

const char* const kEnvironment[][2] = {
    {"TALLY_PLAN", "The plan directory when --plan is not given."},
    {"TALLY_TODAY",
     "Today's date (YYYY-MM-DD) when --today is not given; a bulletin rerun "
     "with it is the same byte for byte."},
    {"TALLY_NOW", "The time stamped as recorded on new records (tally record, tally import)."},
    {"NO_COLOR", "When set, no colour even on a terminal (--color always still colours)."},
    {"PAGER",
     "The pager of long output on a terminal (default less -FRX); empty or cat: none "
     "(--no-pager)."},
    {"COLUMNS", "The terminal's width when it cannot be asked (--width N overrides it)."},
};

std::string header(const std::string& title, const std::string& version) {
  return fmt::format(".TH {} 1 \"\" \"tally {}\" \"tally manual\"\n", title, version);
}

void write_command_page(const CLI::App& root, const CLI::App& sub, const std::string& docs_dir,
                        const std::string& version, std::ostream& out) {
  std::string name = sub.get_name();
  std::string upper = "TALLY-" + name;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  out << header(upper, version);
  out << ".SH NAME\ntally\\-" << roff(name) << " \\- " << roff(sub.get_description()) << "\n";
  out << ".SH SYNOPSIS\n.B tally " << roff(name) << "\n[\\fIOPTIONS\\fR]";
  for (const CLI::Option* opt : positionals(sub)) {
    out << " [\\fI" << roff(opt->get_name()) << "\\fR]";
  }
  out << "\n";
  auto pos = positionals(sub);
  if (!pos.empty()) {
    out << ".SH ARGUMENTS\n";
    for (const CLI::Option* opt : pos) {
      out << ".TP\n.B " << roff(opt->get_name()) << "\n" << roff(opt->get_description()) << "\n";
    }
  }
  out << ".SH OPTIONS\n";
  option_list(out, named_options(sub));
  // A command with commands of its own (`problem open|close|…`): each with
  // its arguments and options.
  for (const CLI::App* cmd : sub.get_subcommands({})) {
    out << ".SS " << roff(name + " " + cmd->get_name()) << "\n"
        << roff(cmd->get_description()) << "\n";
    for (const CLI::Option* opt : positionals(*cmd)) {
      out << ".TP\n.B " << roff(opt->get_name()) << "\n" << roff(opt->get_description()) << "\n";
    }
    option_list(out, named_options(*cmd));
  }
  out << ".SH GLOBAL OPTIONS\nThese may be given before or after the command.\n";
  option_list(out, named_options(root));
  auto codes = exit_codes(docs_dir + "/commands/" + name + ".md");
  if (!codes.empty()) {
    out << ".SH EXIT STATUS\n";
    for (const auto& [code, when] : codes) out << ".TP\n.B " << code << "\n" << roff(when) << "\n";
  }
  out << ".SH SEE ALSO\n.BR tally (1)\n";
}

void write_main_page(const CLI::App& root, const std::string& version, std::ostream& out) {
  out << header("TALLY", version);
  out << ".SH NAME\ntally \\- " << roff(root.get_description()) << "\n";
  out << ".SH SYNOPSIS\n.B tally\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR "
         "[\\fIOPTIONS\\fR]\n";
  out << ".SH COMMANDS\n";
  for (const CLI::App* sub : root.get_subcommands({})) {
    out << ".TP\n.BR tally\\-" << roff(sub->get_name()) << " (1)\n"
        << roff(sub->get_description()) << "\n";
  }
  out << ".SH GLOBAL OPTIONS\n";
  option_list(out, named_options(root));
  out << ".SH EXIT STATUS\n"
         ".TP\n.B 0\nsuccess\n"
         ".TP\n.B 1\nthe plan or its actuals have errors, or a report's \\-\\-fail\\-on "
         "matched\n"
         ".TP\n.B 2\na wrong command line\n"
         ".TP\n.B 3\nthe environment failed: a file could not be read or written, git "
         "failed\n";
  out << ".SH ENVIRONMENT\n";
  for (const auto& [var, text] : kEnvironment) {
    out << ".TP\n.B " << var << "\n" << roff(text) << "\n";
  }
  out << ".SH SEE ALSO\n";
  bool first = true;
  for (const CLI::App* sub : root.get_subcommands({})) {
    out << (first ? "" : ",\n") << ".BR tally\\-" << roff(sub->get_name()) << " (1)";
    first = false;
  }
  out << "\n";
}

std::string words(const std::vector<const CLI::Option*>& options) {
  std::vector<std::string> all;
  for (const CLI::Option* opt : options) {
    for (const auto& s : opt->get_snames()) all.push_back("-" + s);
    for (const auto& l : opt->get_lnames()) all.push_back("--" + l);
  }
  return fmt::format("{}", fmt::join(all, " "));
}

void write_completion(const CLI::App& root, std::ostream& out) {
  std::vector<std::string> names;
  for (const CLI::App* sub : root.get_subcommands({})) names.push_back(sub->get_name());
  const std::string globals = words(named_options(root));
  out << "# bash completion for tally, generated from its command tree\n"
         "_tally() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= i\n"
         "  case $prev in\n"
         "    --plan|--actuals) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
         "  esac\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case ${COMP_WORDS[i]} in\n"
      << "      " << fmt::format("{}", fmt::join(names, "|"))
      << ") cmd=${COMP_WORDS[i]}; break ;;\n"
         "    esac\n"
         "  done\n"
         "  local words\n"
         "  case $cmd in\n"
      << "    '') words=\"" << fmt::format("{}", fmt::join(names, " ")) << " " << globals
      << " --help --version\" ;;\n";
  for (const CLI::App* sub : root.get_subcommands({})) {
    // The commands of a command, and all their options, complete after it.
    std::string own = words(named_options(*sub));
    for (const CLI::App* cmd : sub->get_subcommands({}))
      own += " " + cmd->get_name() + " " + words(named_options(*cmd));
    out << "    " << sub->get_name() << ") words=\"" << own << " " << globals << " --help\" ;;\n";
  }
  out << "  esac\n"
         "  if [[ -z $cmd || $cur == -* ]]; then\n"
         "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
         "  fi\n"
         "}\n"
         "complete -o default -F _tally tally\n";
}

bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  return static_cast<bool>(f);
}

}  // namespace

int write_manuals(const CLI::App& root, const std::string& docs_dir, const std::string& out_dir,
                  const std::string& version) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path man = fs::path(out_dir) / "man1";
  fs::path completion = fs::path(out_dir) / "completion";
  fs::create_directories(man, ec);
  fs::create_directories(completion, ec);
  if (ec) {
    fmt::print(stderr, "tally: error: cannot create {}: {}\n", out_dir, ec.message());
    return 3;
  }
  std::ostringstream main_page;
  write_main_page(root, version, main_page);
  bool ok = write_file(man / "tally.1", main_page.str());
  for (const CLI::App* sub : root.get_subcommands({})) {
    std::ostringstream page;
    write_command_page(root, *sub, docs_dir, version, page);
    ok = write_file(man / ("tally-" + sub->get_name() + ".1"), page.str()) && ok;
  }
  std::ostringstream bash;
  write_completion(root, bash);
  ok = write_file(completion / "tally", bash.str()) && ok;
  if (!ok) {
    fmt::print(stderr, "tally: error: cannot write the manuals under {}\n", out_dir);
    return 3;
  }
  return 0;
}

}  // namespace tally
