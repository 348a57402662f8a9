#include "render/imageviewport.h"

#include <QPainter>
#include <QScopedValueRollback>

#include <vtkCamera.h>
#include <vtkDataArray.h>
#include <vtkImageData.h>
#include <vtkImageProperty.h>
#include <vtkImageSlice.h>
#include <vtkImageSliceMapper.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cstring>

namespace fenestra::viewer {

namespace {

// The camera sits this far in front of the image plane (z = 0), looking down -z.
constexpr double cameraDistance = 1000.0;

// One of the four layouts we copy directly: Grayscale8, RGB888, RGB32, ARGB32.
QImage directLayout(const QImage& image)
{
    switch (image.format()) {
    case QImage::Format_Grayscale8:
    case QImage::Format_RGB888:
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
        return image;
    default:
        break;
    }
    if (image.hasAlphaChannel())
        return image.convertToFormat(QImage::Format_ARGB32);
    if (image.allGray())
        return image.convertToFormat(QImage::Format_Grayscale8);
    return image.convertToFormat(QImage::Format_RGB888);
}

int componentsOf(QImage::Format format)
{
    switch (format) {
    case QImage::Format_Grayscale8:
        return 1;
    case QImage::Format_ARGB32:
        return 4;
    default:
        return 3;
    }
}

// Rows stay in QImage order (row 0 first): the actor's matrix puts row 0 at the top.
void copyPixels(const QImage& image, unsigned char* out)
{
    const int width = image.width();
    const QImage::Format format = image.format();
    for (int y = 0; y < image.height(); ++y) {
        const uchar* line = image.constScanLine(y);
        if (format == QImage::Format_Grayscale8 || format == QImage::Format_RGB888) {
            const auto bytes =
                static_cast<size_t>(width) * (format == QImage::Format_RGB888 ? 3 : 1);
            std::memcpy(out, line, bytes);
            out += bytes;
            continue;
        }
        const auto* pixels = reinterpret_cast<const QRgb*>(line);
        const bool alpha = format == QImage::Format_ARGB32;
        for (int x = 0; x < width; ++x) {
            *out++ = static_cast<unsigned char>(qRed(pixels[x]));
            *out++ = static_cast<unsigned char>(qGreen(pixels[x]));
            *out++ = static_cast<unsigned char>(qBlue(pixels[x]));
            if (alpha)
                *out++ = static_cast<unsigned char>(qAlpha(pixels[x]));
        }
    }
}

} // namespace

struct ImageViewport::Private
{
    Private();
    // Reallocates the image data when the size or layout changed; returns its buffer.
    unsigned char* buffer(int width, int height, int components);

    vtkNew<vtkImageData> data;
    vtkNew<vtkImageSliceMapper> mapper;
    vtkNew<vtkImageSlice> slice;
    vtkNew<vtkMatrix4x4> matrix;
    QTransform transform;
    std::function<void(QPainter&)> overlay;
    bool overlayEnabled = true;
    bool linear = true;
};

ImageViewport::Private::Private()
{
    mapper->SetInputData(data);
    // Show the whole extent of every pixel (VTK would stop at the outer pixel centres).
    mapper->SetBorder(true);
    mapper->SetBackground(false);
    mapper->SliceAtFocalPointOff();
    mapper->SliceFacesCameraOff();
    mapper->SetOrientationToZ();

    vtkImageProperty* property = slice->GetProperty();
    // Window 255 / level 127.5 maps 0..255 onto itself: samples reach the framebuffer as is.
    property->SetColorWindow(255.0);
    property->SetColorLevel(127.5);
    property->SetAmbient(1.0);
    property->SetDiffuse(0.0);
    property->SetOpacity(1.0);
    property->SetInterpolationTypeToLinear();

    slice->SetMapper(mapper);
    slice->SetUserMatrix(matrix);
    slice->VisibilityOff();
}

unsigned char* ImageViewport::Private::buffer(int width, int height, int components)
{
    const int* dims = data->GetDimensions();
    vtkDataArray* scalars = data->GetPointData()->GetScalars();
    if (scalars == nullptr || dims[0] != width || dims[1] != height ||
        scalars->GetNumberOfComponents() != components) {
        data->SetDimensions(width, height, 1);
        data->SetSpacing(1.0, 1.0, 1.0);
        // Sample (c, r) sits at the centre of image pixel (c, r).
        data->SetOrigin(0.5, 0.5, 0.0);
        data->AllocateScalars(VTK_UNSIGNED_CHAR, components);
        scalars = data->GetPointData()->GetScalars();
    }
    scalars->Modified();
    data->Modified();
    return static_cast<unsigned char*>(data->GetScalarPointer());
}

ImageViewport::ImageViewport(QWidget* parent) : VtkViewport(parent), d(std::make_unique<Private>())
{
    // No lights: the image is shown with its own colours, and VTK's shader skips the
    // lighting terms (a large part of the per-fragment cost in software rendering).
    renderer()->SetAutomaticLightCreation(false);
    renderer()->RemoveAllLights();
    renderer()->AddViewProp(d->slice);
    vtkCamera* camera = renderer()->GetActiveCamera();
    camera->ParallelProjectionOn();
    camera->SetViewUp(0.0, 1.0, 0.0);
}

ImageViewport::~ImageViewport() = default;

void ImageViewport::setImage(const QImage& image)
{
    if (image.isNull()) {
        d->slice->VisibilityOff();
        update();
        return;
    }
    const QImage source = directLayout(image);
    copyPixels(source, d->buffer(source.width(), source.height(), componentsOf(source.format())));
    d->slice->VisibilityOn();
    update();
}

void ImageViewport::setImageTransform(const QTransform& imageToWidget)
{
    d->transform = imageToWidget;
    update();
}

QTransform ImageViewport::imageTransform() const
{
    return d->transform;
}

void ImageViewport::setInterpolation(bool linear)
{
    d->linear = linear;
    d->slice->GetProperty()->SetInterpolationType(linear ? VTK_LINEAR_INTERPOLATION
                                                         : VTK_NEAREST_INTERPOLATION);
    update();
}

bool ImageViewport::interpolation() const
{
    return d->linear;
}

void ImageViewport::setOverlayPainter(std::function<void(QPainter&)> painter)
{
    d->overlay = std::move(painter);
    update();
}

QImage ImageViewport::renderToImage(bool withOverlay)
{
    QImage image;
    {
        QScopedValueRollback<bool> overlay(d->overlayEnabled, withOverlay);
        image = grabFramebuffer(); // renders through paintGL
    }
    update(); // the screen shows the overlay as configured again
    return image.convertToFormat(QImage::Format_RGB32);
}

void ImageViewport::paintGL()
{
    updateCamera();
    VtkViewport::paintGL();
}

void ImageViewport::paintOverlay(QPainter& painter)
{
    d->overlay(painter);
}

bool ImageViewport::hasOverlay() const
{
    return d->overlayEnabled && d->overlay;
}

// World units are the widget's logical pixels with y up (VTK's convention): a parallel
// camera covering [0, width] x [0, height], and the image placed by the transform followed
// by y -> height - y, so that on screen y points down as in widget coordinates.
void ImageViewport::updateCamera()
{
    const double w = std::max(width(), 1);
    const double h = std::max(height(), 1);
    vtkCamera* camera = renderer()->GetActiveCamera();
    camera->SetFocalPoint(w / 2.0, h / 2.0, 0.0);
    camera->SetPosition(w / 2.0, h / 2.0, cameraDistance);
    camera->SetParallelScale(h / 2.0);
    camera->SetClippingRange(cameraDistance / 2.0, cameraDistance * 2.0);

    const QTransform& t = d->transform;
    const double elements[16] = {t.m11(),  t.m21(),  0.0, t.dx(),     //
                                 -t.m12(), -t.m22(), 0.0, h - t.dy(), //
                                 0.0,      0.0,      1.0, 0.0,        //
                                 0.0,      0.0,      0.0, 1.0};
    for (int row = 0; row < 4; ++row)
        for (int column = 0; column < 4; ++column)
            d->matrix->SetElement(row, column, elements[row * 4 + column]);
}

} // namespace fenestra::viewer
