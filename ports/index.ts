export * from "./calendar";
export * from "./notifier";
export * from "./actions";
export * from "./replies";
