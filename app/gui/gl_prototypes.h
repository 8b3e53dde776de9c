#pragma once
// The OpenGL 3 functions Dear ImGui's renderer backend calls, declared by the system's own
// headers and linked from libGL (GLVND exports every core function), in place of the backend's
// bundled loader: Debian's 1.86 loader (imgui_impl_opengl3_loader.h) stores 54 function
// pointers into an array of 53, one past the end of a global (found by the sanitizer build).
// The backend is compiled with IMGUI_IMPL_OPENGL_LOADER_CUSTOM and this header forced in.
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
