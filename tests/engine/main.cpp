// Catch2 v2 needs a main of its own; v3 links Catch2WithMain instead.
#define CATCH_CONFIG_MAIN
#include "catch.hpp"
