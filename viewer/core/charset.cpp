// placeholder: being written
namespace fenestra::viewer {
}
