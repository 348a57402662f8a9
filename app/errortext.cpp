#include "errortext.h"

#include <QCoreApplication>

namespace fenestra::app {

namespace {

struct ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};

QString sentence(viewer::ErrorCode code)
{
    using viewer::ErrorCode;
    switch (code) {
    case ErrorCode::FileNotFound:
        return ErrorText::tr("The file does not exist.");
    case ErrorCode::FileUnreadable:
        return ErrorText::tr("The file cannot be read.");
    case ErrorCode::NotDicom:
        return ErrorText::tr("This is not a DICOM file.");
    case ErrorCode::Truncated:
        return ErrorText::tr("The file is incomplete (truncated).");
    case ErrorCode::Malformed:
        return ErrorText::tr("The DICOM data is malformed.");
    case ErrorCode::MissingAttribute:
        return ErrorText::tr("A required DICOM attribute is missing.");
    case ErrorCode::UnsupportedTransferSyntax:
        return ErrorText::tr("The image compression (transfer syntax) is not supported.");
    case ErrorCode::UnsupportedPixelFormat:
        return ErrorText::tr("The pixel format is not supported.");
    case ErrorCode::DecodeFailed:
        return ErrorText::tr("The image data cannot be decoded.");
    case ErrorCode::NoPixelData:
        return ErrorText::tr("This object has no image.");
    case ErrorCode::FrameOutOfRange:
        return ErrorText::tr("The requested image does not exist.");
    case ErrorCode::GeometryMismatch:
        return ErrorText::tr("The image does not match the geometry of its series.");
    case ErrorCode::ArchiveUnreadable:
        return ErrorText::tr("The archive cannot be read.");
    case ErrorCode::DicomdirInvalid:
        return ErrorText::tr("The DICOMDIR of this medium is invalid.");
    case ErrorCode::SeriesNotFound:
        return ErrorText::tr("The series was not found.");
    case ErrorCode::WriteFailed:
        return ErrorText::tr("The output cannot be written.");
    case ErrorCode::RenderFailed:
        return ErrorText::tr("The 3D view cannot be rendered.");
    case ErrorCode::InvalidArgument:
        return ErrorText::tr("An invalid value was given.");
    case ErrorCode::Cancelled:
        return ErrorText::tr("The operation was cancelled.");
    }
    return ErrorText::tr("Unknown error.");
}

} // namespace

QString describeError(const viewer::Error& error)
{
    const QString text = sentence(error.code);
    return error.detail.isEmpty() ? text : ErrorText::tr("%1 (%2)").arg(text, error.detail);
}

} // namespace fenestra::app
