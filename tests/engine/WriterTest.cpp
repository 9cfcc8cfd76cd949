#include "catch.hpp"

#include <nlohmann/json.hpp>

#include "engine/writer.hpp"

using labelcost::JsonWriter;

TEST_CASE("Writer: nested containers get their commas", "[writer]") {
    JsonWriter w;
    w.begin_object().field("a", 1).key("b").begin_array().number(1).string("x").null().boolean(false).end_array();
    w.key("c").begin_object().end_object().key("d").raw("[1,2]").end_object();
    CHECK(w.text() == R"({"a":1,"b":[1,"x",null,false],"c":{},"d":[1,2]})");
}

TEST_CASE("Writer: strings are escaped, and invalid UTF-8 is replaced", "[writer]") {
    std::string out;
    labelcost::append_json_string(out, "q\"b\\n\n\t\x01\x7f</script>");
    CHECK(out == R"("q\"b\\n\n\t\u0001\u007f</script>")");
    out.clear();
    labelcost::append_json_string(out, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8f\xb7");
    CHECK(out == "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8f\xb7\"");
    out.clear();
    // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate.
    labelcost::append_json_string(out, "a\x80" "b\xe2\x82" "c\xc0\xaf" "d\xed\xa0\x80");
    CHECK(out == R"("a\ufffdb\ufffd\ufffdc\ufffd\ufffdd\ufffd\ufffd\ufffd")");
    // Whatever goes in, what comes out parses as JSON.
    CHECK_FALSE(nlohmann::json::parse(out, nullptr, false).is_discarded());
}

TEST_CASE("Writer: the engine's literal keys as they stand, keys from data escaped", "[writer]") {
    JsonWriter w;
    const std::string from_data = "a\"b";
    const char* code = "too_large";  // a value from a name table, not a literal
    w.begin_object().key("total").string("1.00").key(std::string_view("total")).null();
    w.key(from_data).number(2).field("code", code).field("empty", "").end_object();
    CHECK(w.text() == R"({"total":"1.00","total":null,"a\"b":2,"code":"too_large","empty":""})");
}
