// What an engine step gives back: a value, or the errors that kept it from
// one; and in either case the warnings met on the way. Expected failures are
// these values, never exceptions.
#pragma once

#include <optional>
#include <utility>

#include "issue.hpp"

namespace labelcost {

template <typename T>
class Result {
public:
    Result(T value, Issues warnings = {}) : value_(std::move(value)), warnings_(std::move(warnings)) {}
    static Result failure(Issues errors, Issues warnings = {}) {
        return Result(std::move(errors), std::move(warnings));
    }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *value_; }
    T& value() & { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T& operator*() const& { return *value_; }
    T& operator*() & { return *value_; }
    const T* operator->() const { return &*value_; }
    T* operator->() { return &*value_; }

    // Empty when ok().
    const Issues& errors() const { return errors_; }
    Issues& errors() { return errors_; }
    const Issues& warnings() const { return warnings_; }
    Issues& warnings() { return warnings_; }

private:
    Result(Issues errors, Issues warnings) : errors_(std::move(errors)), warnings_(std::move(warnings)) {}
    std::optional<T> value_;
    Issues errors_;
    Issues warnings_;
};

}  // namespace labelcost
