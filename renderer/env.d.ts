// Vite's types for what the renderer imports besides code (CSS).
/// <reference types="vite/client" />
