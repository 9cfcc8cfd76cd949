# Runs the labelcost CLI as a user would and checks exit codes and output.
#   cmake -DLABELCOST=<path> -DSOURCE_DIR=<repo> -P cli_test.cmake
set(failures 0)
set(work "${CMAKE_CURRENT_BINARY_DIR}/cli_test_work")
file(MAKE_DIRECTORY "${work}")

# run(<name> <expected exit> <stdout regex> <stderr regex> ARGS... [STDIN file])
function(run name expected out_re err_re)
  cmake_parse_arguments(R "" "STDIN" "ARGS" ${ARGN})
  if(R_STDIN)
    execute_process(COMMAND "${LABELCOST}" ${R_ARGS} INPUT_FILE "${R_STDIN}"
      RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  else()
    execute_process(COMMAND "${LABELCOST}" ${R_ARGS}
      RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  endif()
  set(ok TRUE)
  if(NOT code STREQUAL "${expected}")
    set(ok FALSE)
    message("FAIL ${name}: exit ${code}, expected ${expected}")
  endif()
  if(NOT out_re STREQUAL "" AND NOT out MATCHES "${out_re}")
    set(ok FALSE)
    message("FAIL ${name}: stdout does not match '${out_re}':\n${out}")
  endif()
  if(NOT err_re STREQUAL "" AND NOT err MATCHES "${err_re}")
    set(ok FALSE)
    message("FAIL ${name}: stderr does not match '${err_re}':\n${err}")
  endif()
  if(NOT ok)
    math(EXPR f "${failures} + 1")
    set(failures ${f} PARENT_SCOPE)
  endif()
endfunction()

# The article's scenarios, as JSON, give the article's totals.
run("preset cv json" 0 "\"total\": \"1021.15\"" "" ARGS estimate --preset computer-vision-startup --format json)
run("preset nlp json" 0 "\"total\": \"650.00\"" "" ARGS estimate --preset nlp-team --format json)
run("preset nlp excluded" 0 "\"excluded\": \\[\n +\"private labor\"" "" ARGS estimate --preset nlp-team --format json)
run("preset ad json" 0 "\"total\": \"17820.00\"" "" ARGS estimate --preset autonomous-driving --format json)
run("preset table" 0 "Total +\\$1,021.15" "" ARGS estimate --preset computer-vision-startup)
run("preset csv" 0 "^item,name,kind,part,quantity,unit,unit_price,cost,low,high,task,workforce,objects,workers,active_learning,auto_fraction,compute_per_10k,rate_card,card_effective,currency,estimate_date,worker_hours,worker_hours_low,worker_hours_high\r?\n" ""
    ARGS estimate --preset computer-vision-startup --format csv)
# Each item row with its inputs; every row with the card, its date, the currency and the estimate's date.
run("csv inputs" 0 "\n1,Initial labeling,labeling,,,,,720\\.00,720\\.00,720\\.00,image/bounding-box,mturk,20000,3,off,,,wring-2026-03,2026-03-15,USD,2025-06-30,1750\\.00,266\\.67,5383\\.33\r?\n" ""
    ARGS estimate --preset computer-vision-startup --format csv --date 2025-06-30)
run("csv active learning" 0 "\n1,Image classification,labeling,,,,,390\\.00,380\\.00,770\\.00,image/classification,mturk,100000,3,on,0\\.7,3\\.00,wring-2026-03,2026-03-15,USD,2024-02-29,75\\.00,25\\.00,500\\.00\r?\n" ""
    ARGS estimate --preset faq-100k --format csv --date 2024-02-29)
string(TIMESTAMP before "%Y-%m-%d")
execute_process(COMMAND "${LABELCOST}" estimate --preset nlp-team --format csv OUTPUT_VARIABLE today_csv)
string(TIMESTAMP after "%Y-%m-%d")
if(NOT today_csv MATCHES ",Total \\(excl\\. private labor\\),total,.*,USD,(${before}|${after}),916\\.67,291\\.67,3250\\.00\r?\n$")
  message("FAIL csv today: the date is not today's (${before}):\n${today_csv}")
  math(EXPR failures "${failures} + 1")
endif()
# 50,000 texts x 3 workers x 10 s on Mechanical Turk (416.67 h) and 20,000
# x 3 x 30 s of your own (500 h); low 3 s and 10 s, high 30 s and 120 s.
run("effort text" 0 "Effort: 916\\.67 worker-hours \\(291\\.67 to 3,250\\.00\\), of which 500\\.00 by people you staff; item 1 on a workforce that chooses its own people\\.\n" ""
    ARGS estimate --preset nlp-team)
run("csv bad date" 2 "" "--date takes a day as YYYY-MM-DD.*not \"2026-02-29\"" ARGS estimate --preset nlp-team --format csv --date 2026-02-29)
run("csv date shape" 2 "" "--date takes a day" ARGS estimate --preset nlp-team --format csv --date 1.12.2026)
run("date without csv" 2 "" "--date applies only to --format csv" ARGS estimate --preset nlp-team --date 2026-12-01)
run("preset markdown" 0 "\\| +\\| Total \\|" "" ARGS estimate --preset autonomous-driving --format markdown)

# A file, standard input, and another rate card.
file(WRITE "${work}/box.json"
  "{\"labelcost\": 1, \"items\": [{\"kind\": \"labeling\", \"task\": \"image/bounding-box\", \"objects\": 1000, \"workforce\": \"mturk\"}]}")
run("file" 0 "\\$36.00" "" ARGS estimate "${work}/box.json")
run("stdin" 0 "\\$36.00" "" ARGS estimate - STDIN "${work}/box.json")
# On AWS's structure: 1,000 x ($0.08 + 5 x $0.036) = $260.
run("rates id" 0 "\\$260.00" "" ARGS estimate "${work}/box.json" --rates aws-documented)
run("rates file" 0 "\\$260.00" "" ARGS estimate "${work}/box.json" --rates "${SOURCE_DIR}/rates/aws-documented-2026-11.json")

# Invalid input: exit 1, each error with its JSON path on stderr.
file(WRITE "${work}/bad.json"
  "{\"labelcost\": 1, \"items\": [{\"kind\": \"labeling\", \"task\": \"image/bounding-box\", \"objects\": -3, \"workforce\": \"mturk\"}, {\"kind\": \"storage\", \"gb\": \"x\"}]}")
run("bad values" 1 "" "items\\[0\\]\\.objects: .*\\[negative\\].*items\\[1\\]\\.gb: .*\\[wrong_type\\]" ARGS estimate "${work}/bad.json")
file(WRITE "${work}/broken.json" "{\"labelcost\": 1, ")
run("bad json" 1 "" "not valid JSON.*\\[invalid_json\\]" ARGS estimate "${work}/broken.json")
run("unknown preset" 1 "" "no preset \"nope\".*computer-vision-startup" ARGS estimate --preset nope)
run("unknown card" 1 "" "\\[unknown_rates\\]" ARGS estimate "${work}/box.json" --rates acme)
file(WRITE "${work}/badcard.json" "{\"labelcost_rates\": 1}")
run("bad card file" 1 "" "badcard.json: id: is required \\[missing_field\\]" ARGS estimate "${work}/box.json" --rates "${work}/badcard.json")

# Bounded work on any input: a wide object is refused where it is met, a
# byte-order mark is refused, and at most 100 errors are listed.
set(keys "")
foreach(i RANGE 299)
  string(APPEND keys ", \"k${i}\": 0")
endforeach()
file(WRITE "${work}/wide.json" "{\"labelcost\": 1, \"items\": [{\"kind\": \"fixed\", \"amount\": 1${keys}}]}")
run("wide object" 1 "" "^labelcost: items\\[0\\]: the object has more than 256 members; at most 256 are read \\[too_many_members\\]\n$"
    ARGS estimate "${work}/wide.json")
# tests/cli/bom.json: a scenario saved with a UTF-8 byte-order mark.
run("byte-order mark" 1 "" "byte-order mark.*\\[bom\\]" ARGS estimate "${SOURCE_DIR}/tests/cli/bom.json")
run("byte-order mark card" 1 "" "bom.json: the text starts with a byte-order mark.*\\[bom\\]"
    ARGS estimate "${work}/box.json" --rates "${SOURCE_DIR}/tests/cli/bom.json")
set(unknown "")
foreach(i RANGE 199)
  string(APPEND unknown ", \"u${i}\": 0")
endforeach()
set(item "{\"kind\": \"fixed\", \"amount\": 1${unknown}}")
string(REPEAT ", ${item}" 99 more_items)
file(WRITE "${work}/errors.json" "{\"labelcost\": 1, \"items\": [${item}${more_items}]}")
run("20,000 errors" 1 "" "items\\[0\\]\\.u99: is not a field here; check its spelling \\[unknown_field\\]\nlabelcost: 19,900 more errors are not listed \\[too_many_errors\\]\n$"
    ARGS estimate "${work}/errors.json")
execute_process(COMMAND "${LABELCOST}" estimate "${work}/errors.json" ERROR_VARIABLE err OUTPUT_QUIET RESULT_VARIABLE code)
string(REGEX MATCHALL "\n" lines "${err}")
list(LENGTH lines line_count)
if(NOT line_count EQUAL 101)
  message("FAIL 20,000 errors: ${line_count} lines on stderr, expected 101")
  math(EXPR failures "${failures} + 1")
endif()

# Usage errors: exit 2.
run("no command" 2 "" "usage: labelcost" ARGS)
run("unknown command" 2 "" "unknown command \"frobnicate\"" ARGS frobnicate)
run("unknown option" 2 "" "unknown option --colour" ARGS estimate x.json --colour)
run("bad format" 2 "" "--format takes" ARGS estimate --preset nlp-team --format xml)
run("missing file" 2 "" "cannot read" ARGS estimate "${work}/does-not-exist.json")
run("missing value" 2 "" "--format needs a value" ARGS estimate --preset nlp-team --format)
run("option elsewhere" 2 "" "--sizes does not apply to estimate" ARGS estimate --preset nlp-team --sizes 5)
run("help" 0 "usage: labelcost" "" ARGS --help)
run("help command" 0 "usage: labelcost" "" ARGS help)
run("a command's help" 0 "usage: labelcost" "" ARGS estimate --help)
run("short unknown option" 2 "" "unknown option -x" ARGS estimate -x)
run("an option given twice" 0 "\"format\": 1" "" ARGS estimate --preset nlp-team --format csv --format json)
run("files after --" 0 "\\$36.00" "" ARGS estimate -- "${work}/box.json")
run("one file too many" 2 "" "estimate needs one FILE" ARGS estimate "${work}/box.json" "${work}/box.json")

# Listing and other commands.
run("rates list" 0 "wring-2026-03 \\(default\\).*aws-documented-2026-11" "" ARGS rates)
run("rates show" 0 "\"price_basis\": \"worker-task\"" "" ARGS rates aws-documented)
run("rates json" 0 "\"default\": \"wring-2026-03\"" "" ARGS rates --format json)
run("rates check" 0 "rate card aws-documented-2026-11 .*13 task types, 5 workforces" "" ARGS rates --check "${SOURCE_DIR}/rates/aws-documented-2026-11.json")
run("rates check bad" 1 "" "badcard.json: id: is required \\[missing_field\\]" ARGS rates --check "${work}/badcard.json")
file(WRITE "${work}/own.json" "{\"labelcost\": 1, \"items\": [{\"kind\": \"labeling\", \"task\": \"image/bounding-box\", \"objects\": 20000, \"workforce\": \"vendor\", \"unit_price\": 0.05}, {\"kind\": \"discount\", \"fraction\": 0.1}, {\"kind\": \"credit\", \"amount\": 2000}]}")
run("own prices" 0 "Discount +-\\$100.00.*Credit +-\\$900.00.*Total +\\$0.00.*credit_unused" "" ARGS estimate "${work}/own.json")
run("presets" 0 "computer-vision-startup.*nlp-team.*autonomous-driving" "" ARGS presets)
run("version" 0 "\"scenario_format\": 1" "" ARGS version)
# --version: package.json's version, the one number the package and the site show.
file(READ "${SOURCE_DIR}/package.json" package_json)
string(JSON package_version GET "${package_json}" version)
string(REPLACE "." "\\." version_re "${package_version}")
run("--version" 0 "^labelcost ${version_re}\n$" "" ARGS --version)
run("version json" 0 "\"engine\": \"${version_re}\"" "" ARGS version)
run("table" 0 "\\$36.00 \\+ \\$4.00 compute = \\$40.00" "" ARGS table image/classification)
run("table bad task" 1 "" "task: .*\\[active_learning_unsupported\\]" ARGS table image/polyline)
run("compare workforce" 0 "Vendor \\(AWS Marketplace\\) \\(vendor\\) +\\$2,821.15" "" ARGS compare --preset computer-vision-startup)
# Plans side by side: the startup, and the same with a vendor's boxes (3 x $720 = $2,160, $1,440 more).
file(READ "${SOURCE_DIR}/rates/presets/computer-vision-startup.json" startup)
file(WRITE "${work}/plan-a.json" "${startup}")
string(REPLACE "\"objects\": 20000, \"workforce\": \"mturk\"" "\"objects\": 20000, \"workforce\": \"vendor\"" vendor "${startup}")
file(WRITE "${work}/plan-b.json" "${vendor}")
run("compare plans" 0 "\\$2,461\\.15 .* \\+\\$1,440\\.00.*1\\. Initial labeling +\\$720\\.00 +\\$2,160\\.00 \\(\\+\\$1,440\\.00\\)" "" ARGS compare "${work}/plan-a.json" "${work}/plan-b.json")
run("compare plans json" 0 "\"total\": \"1440\\.00\"" "" ARGS compare "${work}/plan-a.json" "${work}/plan-b.json" --format json)
run("compare plans csv" 0 "^Plan,Total,Low,High,Saved by active learning,Worker-hours,Total vs plan 1,Worker-hours vs plan 1\r?\n" "" ARGS compare "${work}/plan-a.json" "${work}/plan-b.json" --format csv)
run("compare plans by" 2 "" "compare FILE FILE takes only --format" ARGS compare "${work}/plan-a.json" "${work}/plan-b.json" --by rates)
string(REPLACE "\"objects\": 20000," "\"objects\": -1," broken "${startup}")
file(WRITE "${work}/plan-c.json" "${broken}")
run("compare plans bad" 1 "" "scenarios\\[1\\]\\.items\\[0\\]\\.objects" ARGS compare "${work}/plan-a.json" "${work}/plan-c.json")
run("compare rates" 0 "aws-documented-2026-11\\) +\\$13,021.15" "" ARGS compare --preset computer-vision-startup --by rates)
# budget: $5,000 for the startup's boxes at $0.036, the other items $301.15:
# 130,523 boxes, $4,999.978 in all.
run("budget table" 0 "Within the budget +130,523 +\\$4,999.978" "" ARGS budget --preset computer-vision-startup --budget 5000)
run("budget json" 0 "\"objects\": 130523" "" ARGS budget --preset computer-vision-startup --budget 5000 --format json)
run("budget csv" 0 "Within the budget,130523,4999.978" "" ARGS budget --preset computer-vision-startup --budget 5000 --format csv)
run("budget item" 1 "" "item: item 3 has no objects to count.*\\[not_applicable\\]" ARGS budget --preset computer-vision-startup --budget 5000 --item 4)
run("budget needs an amount" 2 "" "budget needs --budget USD" ARGS budget --preset computer-vision-startup)
run("budget item number" 2 "" "--item takes an item's number, from 1" ARGS budget --preset computer-vision-startup --budget 5000 --item 0)

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} CLI check(s) failed")
endif()
message("all CLI checks passed")
