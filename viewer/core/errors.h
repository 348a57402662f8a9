#pragma once

#include <QString>

#include <expected>

namespace fenestra::viewer {

// The one table of every error the imaging library reports. Each row: the code's name and a
// short English description (for logs and the command line). The application translates codes
// into user-facing text; the library never shows text to a user.
#define FENESTRA_VIEWER_ERRORS(X)                                                                  \
    X(FileNotFound, "file not found")                                                              \
    X(FileUnreadable, "file cannot be read")                                                       \
    X(NotDicom, "not a DICOM file")                                                                \
    X(Truncated, "file is truncated")                                                              \
    X(Malformed, "malformed DICOM data")                                                           \
    X(MissingAttribute, "a required attribute is missing")                                         \
    X(UnsupportedTransferSyntax, "unsupported transfer syntax")                                    \
    X(UnsupportedPixelFormat, "unsupported pixel format")                                          \
    X(DecodeFailed, "pixel data cannot be decoded")                                                \
    X(NoPixelData, "object has no pixel data")                                                     \
    X(FrameOutOfRange, "frame index out of range")                                                 \
    X(GeometryMismatch, "frame does not match the volume geometry")                                \
    X(ArchiveUnreadable, "archive cannot be read")                                                 \
    X(DicomdirInvalid, "DICOMDIR is invalid")                                                      \
    X(SeriesNotFound, "series not found")                                                          \
    X(WriteFailed, "output cannot be written")                                                     \
    X(RenderFailed, "3D rendering failed")                                                         \
    X(InvalidArgument, "invalid argument")                                                         \
    X(Cancelled, "operation cancelled")

enum class ErrorCode
{
#define FENESTRA_X(name, text) name,
    FENESTRA_VIEWER_ERRORS(FENESTRA_X)
#undef FENESTRA_X
};

// Stable identifier of a code ("Truncated"), used in JSON output and tests.
const char* errorCodeName(ErrorCode code);
// Short English description of a code, for logs and the command line.
const char* errorCodeDescription(ErrorCode code);

// An error as a value: a code from the table and a detail naming the item and what is wrong.
struct Error
{
    ErrorCode code = ErrorCode::Malformed;
    QString detail;

    // "Truncated: pixel data ends after 1200 of 524288 bytes"
    QString toString() const;
};

template <class T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString detail = {})
{
    return std::unexpected<Error>(Error{code, std::move(detail)});
}

} // namespace fenestra::viewer
