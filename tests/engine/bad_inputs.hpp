// The bad-input catalogue: scenarios that must be refused, each with the error
// code and JSON path it must be refused with.
#pragma once

#include <string>
#include <vector>

namespace test {

struct BadInput {
    std::string label;
    std::string scenario;
    std::string code;
    std::string path;
};

namespace detail {
inline std::string one(const std::string& item, const std::string& rates = "wring-2026-03") {
    return R"({"labelcost": 1, "rates": ")" + rates + R"(", "items": [)" + item + "]}";
}
inline std::string box(const std::string& extra) {
    return one(R"({"kind": "labeling", "task": "image/bounding-box", "objects": 1000, "workforce": "mturk")" + extra +
               "}");
}
// ,"k0": 0,"k1": 0,... : `n` members to add to an object.
inline std::string members(int n, const std::string& prefix = "k") {
    std::string s;
    for (int i = 0; i < n; ++i) s += ",\"" + prefix + std::to_string(i) + "\": 0";
    return s;
}
inline std::string nested(int depth) { return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']'); }
}  // namespace detail

inline const std::vector<BadInput> kBadInputs = [] {
    using detail::box;
    using detail::one;
    std::vector<BadInput> v = {
        // Not a scenario at all.
        {"empty text", "", "invalid_json", ""},
        {"truncated", R"({"labelcost": 1, "items": [)", "invalid_json", ""},
        {"trailing garbage", R"({"labelcost": 1, "items": []} x)", "invalid_json", ""},
        {"invalid UTF-8 in a name", "{\"labelcost\": 1, \"name\": \"\xff\xfe\", \"items\": []}", "invalid_json", ""},
        {"number out of double range", R"({"labelcost": 1, "items": [], "x": 1e400})", "invalid_json", ""},
        {"nested too deep", R"({"labelcost": 1, "items": )" + detail::nested(40) + "}", "too_deep", ""},
        {"larger than 1 MiB", R"({"labelcost": 1, "name": ")" + std::string(1 << 20, 'a') + R"(", "items": []})",
         "too_large", ""},
        {"a byte-order mark first", "\xEF\xBB\xBF" R"({"labelcost": 1, "items": []})", "bom", ""},
        {"an object with 257 members", R"({"labelcost": 1, "items": [])" + detail::members(255) + "}",
         "too_many_members", ""},
        {"257 long numbers", R"({"labelcost": 1, "items": [], "x": [1e300)" + [] {
             std::string s;
             for (int i = 0; i < 256; ++i) s += ",1e300";
             return s;
         }() + "]}",
         "too_many_long_numbers", ""},
        {"an item with 257 members", one(R"({"kind": "fixed", "amount": 1)" + detail::members(255) + "}"),
         "too_many_members", "items[0]"},
        {"an array, not an object", "[]", "wrong_type", ""},
        {"a string, not an object", R"("labelcost")", "wrong_type", ""},
        // The envelope.
        {"no version", R"({"items": []})", "missing_field", "labelcost"},
        {"future version", R"({"labelcost": 2, "items": []})", "unsupported_version", "labelcost"},
        {"version as a string", R"({"labelcost": "1", "items": []})", "unsupported_version", "labelcost"},
        {"no items", R"({"labelcost": 1})", "missing_field", "items"},
        {"items not a list", R"({"labelcost": 1, "items": {}})", "wrong_type", "items"},
        {"too many items", R"({"labelcost": 1, "items": [)" + [] {
             std::string s;
             for (int i = 0; i < 201; ++i) s += std::string(i ? "," : "") + R"({"kind": "fixed", "amount": 1})";
             return s;
         }() + "]}",
         "too_many", "items"},
        {"unknown rate card", R"({"labelcost": 1, "rates": "acme-2030", "items": []})", "unknown_rates", "rates"},
        {"rate card as a number", R"({"labelcost": 1, "rates": 5, "items": []})", "wrong_type", "rates"},
        {"misspelled top-level field", R"({"labelcost": 1, "itmes": [], "items": []})", "unknown_field", "itmes"},
        {"more errors than are listed", R"({"labelcost": 1, "items": [])" + detail::members(150, "x") + "}",
         "too_many_errors", ""},
        {"name too long", R"({"labelcost": 1, "name": ")" + std::string(201, 'n') + R"(", "items": []})", "too_long",
         "name"},
        // Items.
        {"item not an object", one("5"), "wrong_type", "items[0]"},
        {"item without kind", one(R"({"objects": 5})"), "missing_field", "items[0].kind"},
        {"unknown kind", one(R"({"kind": "magic"})"), "unknown_kind", "items[0].kind"},
        {"labeling without task", one(R"({"kind": "labeling", "objects": 5, "workforce": "mturk"})"),
         "missing_field", "items[0].task"},
        {"unknown task", one(R"({"kind": "labeling", "task": "audio/transcription", "objects": 5, "workforce": "mturk"})"),
         "unknown_task", "items[0].task"},
        {"unknown workforce", one(R"({"kind": "labeling", "task": "image/polyline", "objects": 5, "workforce": "elves"})"),
         "unknown_workforce", "items[0].workforce"},
        {"negative count", one(R"({"kind": "labeling", "task": "image/polyline", "objects": -1, "workforce": "mturk"})"),
         "negative", "items[0].objects"},
        {"fractional count", one(R"({"kind": "labeling", "task": "image/polyline", "objects": 1.5, "workforce": "mturk"})"),
         "not_whole_number", "items[0].objects"},
        {"count as words", one(R"({"kind": "labeling", "task": "image/polyline", "objects": "many", "workforce": "mturk"})"),
         "wrong_type", "items[0].objects"},
        {"count as a boolean", one(R"({"kind": "labeling", "task": "image/polyline", "objects": true, "workforce": "mturk"})"),
         "wrong_type", "items[0].objects"},
        {"count of null", one(R"({"kind": "labeling", "task": "image/polyline", "objects": null, "workforce": "mturk"})"),
         "wrong_type", "items[0].objects"},
        {"huge count", one(R"({"kind": "labeling", "task": "image/polyline", "objects": 1e11, "workforce": "mturk"})"),
         "out_of_range", "items[0].objects"},
        {"astronomic count", one(R"({"kind": "labeling", "task": "image/polyline", "objects": 1e300, "workforce": "mturk"})"),
         "out_of_range", "items[0].objects"},
        {"count beyond 64 bits", one(R"({"kind": "labeling", "task": "image/polyline", "objects": 99999999999999999999999, "workforce": "mturk"})"),
         "out_of_range", "items[0].objects"},
        {"misspelled item field", box(R"(, "multipler": 2)"), "unknown_field", "items[0].multipler"},
        {"zero workers", box(R"(, "workers": 0)"), "out_of_range", "items[0].workers"},
        {"ten workers", box(R"(, "workers": 10)"), "out_of_range", "items[0].workers"},
        {"half a worker", box(R"(, "workers": 2.5)"), "not_whole_number", "items[0].workers"},
        {"negative multiplier", box(R"(, "multiplier": -2)"), "negative", "items[0].multiplier"},
        {"multiplier for a private workforce",
         one(R"({"kind": "labeling", "task": "image/polyline", "objects": 5, "workforce": "private", "multiplier": 2})"),
         "not_applicable", "items[0].multiplier"},
        {"labor for Mechanical Turk", box(R"(, "labor": {"hourly": 20, "seconds_per_object": 10})"), "not_applicable",
         "items[0].labor"},
        {"labor without pay",
         one(R"({"kind": "labeling", "task": "image/polyline", "objects": 5, "workforce": "private", "labor": {"seconds_per_object": 10}})"),
         "missing_field", "items[0].labor.hourly"},
        {"seconds that disagree with the labor's",
         one(R"({"kind": "labeling", "task": "image/polyline", "objects": 5, "workforce": "private", "seconds_per_object": 12, "labor": {"hourly": 20, "seconds_per_object": 10}})"),
         "conflicting_fields", "items[0].seconds_per_object"},
        {"negative seconds per object", box(R"(, "seconds_per_object": -1)"), "negative", "items[0].seconds_per_object"},
        {"seconds per object above a day", box(R"(, "seconds_per_object": 86401)"), "out_of_range",
         "items[0].seconds_per_object"},
        {"schedule with zero annotators",
         R"({"labelcost": 1, "schedule": {"annotators": 0}, "items": [{"kind": "fixed", "amount": 1}]})", "out_of_range",
         "schedule.annotators"},
        {"schedule with zero hours a week",
         R"({"labelcost": 1, "schedule": {"annotators": 3, "hours_per_week": 0}, "items": [{"kind": "fixed", "amount": 1}]})",
         "out_of_range", "schedule.hours_per_week"},
        {"schedule with more hours than a week has",
         R"({"labelcost": 1, "schedule": {"annotators": 3, "hours_per_week": 169}, "items": [{"kind": "fixed", "amount": 1}]})",
         "out_of_range", "schedule.hours_per_week"},
        {"schedule with zero weeks",
         R"({"labelcost": 1, "schedule": {"weeks": 0}, "items": [{"kind": "fixed", "amount": 1}]})", "out_of_range",
         "schedule.weeks"},
        {"schedule with both annotators and weeks",
         R"({"labelcost": 1, "schedule": {"annotators": 3, "weeks": 4}, "items": [{"kind": "fixed", "amount": 1}]})",
         "conflicting_fields", "schedule.weeks"},
        {"schedule with neither annotators nor weeks",
         R"({"labelcost": 1, "schedule": {"hours_per_week": 30}, "items": [{"kind": "fixed", "amount": 1}]})",
         "missing_field", "schedule.annotators"},
        {"schedule with half an annotator",
         R"({"labelcost": 1, "schedule": {"annotators": 2.5}, "items": [{"kind": "fixed", "amount": 1}]})",
         "not_whole_number", "schedule.annotators"},
        {"misspelled schedule field",
         R"({"labelcost": 1, "schedule": {"annotators": 2, "paralel": true}, "items": [{"kind": "fixed", "amount": 1}]})",
         "unknown_field", "schedule.paralel"},
        {"worker price on a per-object card", box(R"(, "worker_price": 0.036)"), "not_applicable",
         "items[0].worker_price"},
        {"worker price Mechanical Turk does not allow",
         one(R"({"kind": "labeling", "task": "image/bounding-box", "objects": 5, "workforce": "mturk", "worker_price": 0.05})",
             "aws-documented"),
         "price_not_allowed", "items[0].worker_price"},
        {"Mechanical Turk for video on the AWS card",
         one(R"({"kind": "labeling", "task": "video/object-tracking", "objects": 5, "workforce": "mturk"})",
             "aws-documented"),
         "workforce_unavailable", "items[0].workforce"},
        {"active learning for polylines",
         one(R"({"kind": "labeling", "task": "image/polyline", "objects": 5000, "workforce": "mturk", "active_learning": {}})"),
         "active_learning_unsupported", "items[0].active_learning"},
        {"auto fraction above 1", box(R"(, "active_learning": {"auto_fraction": 1.5})"), "out_of_range",
         "items[0].active_learning.auto_fraction"},
        {"auto fraction below 0", box(R"(, "active_learning": {"auto_fraction": -0.1})"), "negative",
         "items[0].active_learning.auto_fraction"},
        {"auto fraction as a percent string", box(R"(, "active_learning": {"auto_fraction": "70%"})"), "wrong_type",
         "items[0].active_learning.auto_fraction"},
        {"auto fraction too precise", box(R"(, "active_learning": {"auto_fraction": 0.1234567891})"), "too_precise",
         "items[0].active_learning.auto_fraction"},
        {"active learning not an object", box(R"(, "active_learning": true)"), "wrong_type", "items[0].active_learning"},
        {"duplicates above 1", box(R"(, "duplicates": 1.01)"), "out_of_range", "items[0].duplicates"},
        {"zero jobs", box(R"(, "jobs": 0)"), "out_of_range", "items[0].jobs"},
        {"more jobs than objects", box(R"(, "jobs": 1001)"), "out_of_range", "items[0].jobs"},
        {"both compute and compute_per_10k",
         one(R"({"kind": "auto-labeling", "objects": 100, "compute": 5, "compute_per_10k": 3})"), "conflicting_fields",
         "items[0].compute"},
        {"auto-labeling workforce without task", one(R"({"kind": "auto-labeling", "objects": 100, "workforce": "mturk"})"),
         "missing_field", "items[0].task"},
        {"rework fraction of 2", one(R"({"kind": "rework", "fraction": 2})"), "out_of_range", "items[0].fraction"},
        // Your own prices.
        {"unit price with a multiplier", box(R"(, "unit_price": 0.05, "multiplier": 2)"), "conflicting_fields",
         "items[0].unit_price"},
        {"unit price with a worker price", one(R"({"kind": "labeling", "task": "image/bounding-box", "objects": 10, "workforce": "mturk", "unit_price": 0.05, "worker_price": 0.036})", "aws-documented"),
         "conflicting_fields", "items[0].unit_price"},
        {"unit price for a private workforce",
         one(R"({"kind": "labeling", "task": "image/bounding-box", "objects": 10, "workforce": "private", "unit_price": 0.05})"),
         "not_applicable", "items[0].unit_price"},
        {"negative unit price", box(R"(, "unit_price": -0.05)"), "negative", "items[0].unit_price"},
        {"unit price as text", box(R"(, "unit_price": "$0.05")"), "wrong_type", "items[0].unit_price"},
        {"discount without a fraction", one(R"({"kind": "discount"})"), "missing_field", "items[0].fraction"},
        {"discount of 150%", one(R"({"kind": "discount", "fraction": 1.5})"), "out_of_range", "items[0].fraction"},
        {"discount of something else", one(R"({"kind": "discount", "fraction": 0.1, "of": "storage"})"), "invalid_value",
         "items[0].of"},
        {"credit without an amount", one(R"({"kind": "credit"})"), "missing_field", "items[0].amount"},
        {"negative credit", one(R"({"kind": "credit", "amount": -5})"), "negative", "items[0].amount"},
        {"credit with a fraction", one(R"({"kind": "credit", "amount": 5, "fraction": 0.1})"), "unknown_field",
         "items[0].fraction"},
        {"month 0", box(R"(, "month": 0)"), "out_of_range", "items[0].month"},
        {"month 121", box(R"(, "month": 121)"), "out_of_range", "items[0].month"},
        {"a month on storage", one(R"({"kind": "storage", "gb": 5, "month": 2})"), "unknown_field", "items[0].month"},
        {"free tier as text", R"({"labelcost": 1, "rates": "aws-documented", "free_tier": "yes", "items": []})", "wrong_type",
         "free_tier"},
        {"free tier on a card without one", R"({"labelcost": 1, "rates": "wring-2026-03", "free_tier": true, "items": []})",
         "not_applicable", "free_tier"},
        {"storage as text", one(R"({"kind": "storage", "gb": "x"})"), "wrong_type", "items[0].gb"},
        {"half a month", one(R"({"kind": "storage", "gb": 5, "months": 1.5})"), "not_whole_number", "items[0].months"},
        {"fixed amount over a billion", one(R"({"kind": "fixed", "amount": 1e10})"), "out_of_range", "items[0].amount"},
        {"fixed amount below a micro-dollar", one(R"({"kind": "fixed", "amount": 0.0000001})"), "too_precise",
         "items[0].amount"},
        // Arithmetic at the edges: each input is allowed, the total is not.
        {"one item too large to state",
         one(R"({"kind": "labeling", "task": "point-cloud/semantic-segmentation", "objects": 10000000000, "workforce": "vendor-specialized", "multiplier": 1000, "workers": 9})"),
         "amount_too_large", "items[0]"},
        {"a sum too large to state", R"({"labelcost": 1, "items": [)" + [] {
             std::string s;
             for (int i = 0; i < 10; ++i) s += std::string(i ? "," : "") + R"({"kind": "fixed", "amount": 1000000000})";
             for (int i = 0; i < 3; ++i)
                 s += R"(,{"kind": "labeling", "task": "point-cloud/semantic-segmentation", "objects": 10000000000, "workforce": "vendor-specialized", "multiplier": 300, "workers": 9})";
             return s;
         }() + "]}",
         "amount_too_large", "items"},
    };
    return v;
}();

}  // namespace test
