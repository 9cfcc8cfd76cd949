#include "codes.hpp"

namespace labelcost {

std::string_view code_name(Code code) {
    switch (code) {
#define LABELCOST_CODE_NAME(name) \
    case Code::name: return #name;
        LABELCOST_CODES(LABELCOST_CODE_NAME)
#undef LABELCOST_CODE_NAME
    }
    return "internal";
}

}  // namespace labelcost
