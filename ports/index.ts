export * from "./calendar";
export * from "./notifier";
export * from "./actions";
export * from "./replies";
export * from "./directory";
export * from "./app-installer";
